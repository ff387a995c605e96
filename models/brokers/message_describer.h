// How a broker names a message's payload in the trace file: the model that
// publishes knows its event types and keys, the broker does not.
//
// A broker without a describer writes the type as a number and the key
// word as `key`. Describing never changes the trace hash (trace.h).
#pragma once

#include <cstdint>
#include <string_view>

#include "models/brokers/message.h"
#include "sim/trace.h"

namespace choreo::brokers {

class MessageDescriber {
 public:
  virtual ~MessageDescriber() = default;
  // The event type's name ("CommentCreated"); empty for an unknown type.
  virtual std::string_view type_name(std::uint32_t type) const = 0;
  // Adds the message's keys (user, comment, story, ...) as number fields.
  virtual void add_keys(const Message& message, sim::TraceLine& line) const = 0;
};

}  // namespace choreo::brokers
