// Errors from users travel as values: Result<T> holds a T or an Error whose
// message is the one line the CLI prints before exiting 2.
//
//   Result<Time> t = parse_duration("30s");
//   if (!t) return t.error();
//   use(*t);
//
// Programmer errors are assertions, not Results.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace choreo::sim {

struct Error {
  std::string message;  // one line, no trailing newline
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // REQUIRES: ok()
  T& operator*() {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& operator*() const {
    assert(ok());
    return std::get<0>(v_);
  }
  T* operator->() { return &**this; }
  const T* operator->() const { return &**this; }
  // REQUIRES: !ok()
  const Error& error() const {
    assert(!ok());
    return std::get<1>(v_);
  }

 private:
  std::variant<T, Error> v_;
};

// For operations that return nothing but may fail.
struct Ok {};
using Status = Result<Ok>;

}  // namespace choreo::sim
