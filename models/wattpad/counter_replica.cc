// The comment counters; see counter_replica.h.
#include "models/wattpad/counter_replica.h"

#include "models/wattpad/codec.h"

namespace choreo::wattpad {

CountedEvent CounterReplica::counted(const CommentChange& e) const {
  return CountedEvent{.event = e.event,
                      .comment = e.comment,
                      .shard = shard_of(e.comment, owner_.shards()),
                      .keys = owner_.keys().ids(e.where),
                      .totals = e.totals};
}

bool CounterReplica::handle(const brokers::Message& m, const brokers::DeliveryInfo&) {
  if (m.type == kCommentCreated) {
    const CountedEvent e = counted(decode_comment_created(m));
    changes_.mark(e.keys);
    strategy_->created(e);
  }
  if (m.type == kCommentDeleted) {
    const CountedEvent e = counted(decode_comment_deleted(m));
    changes_.mark(e.keys);
    strategy_->deleted(e);
  }
  return true;
}

}  // namespace choreo::wattpad
