// UTF-8 checks and message escaping (sim/text.h): exactly what a JSON writer
// accepts is accepted, and any bytes at all come out as one printable line.
#include "sim/text.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace choreo::sim {
namespace {

constexpr auto npos = std::string_view::npos;

TEST(Utf8, AcceptsAsciiAndWellFormedSequences) {
  EXPECT_EQ(invalid_utf8_at(""), npos);
  EXPECT_EQ(invalid_utf8_at("replica-1"), npos);
  EXPECT_EQ(invalid_utf8_at("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"), npos);  // é € 😀
  EXPECT_EQ(invalid_utf8_at("\xF4\x8F\xBF\xBF"), npos);                           // U+10FFFF
}

TEST(Utf8, NamesTheOffsetOfTheFirstBadByte) {
  EXPECT_EQ(invalid_utf8_at("ab\xE9["), 2u);           // a Latin-1 é
  EXPECT_EQ(invalid_utf8_at("\xC3"), 0u);              // cut short
  EXPECT_EQ(invalid_utf8_at("x\xC0\xAF"), 1u);         // overlong '/'
  EXPECT_EQ(invalid_utf8_at("\xE0\x80\xAF"), 0u);      // overlong, 3 bytes
  EXPECT_EQ(invalid_utf8_at("\xED\xA0\x80"), 0u);      // a surrogate
  EXPECT_EQ(invalid_utf8_at("\xF4\x90\x80\x80"), 0u);  // past U+10FFFF
  EXPECT_EQ(invalid_utf8_at("ok\x80"), 2u);            // a lone continuation byte
  EXPECT_EQ(invalid_utf8_at("\xFF"), 0u);
}

// Whatever invalid_utf8_at accepts, nlohmann::json dumps without throwing,
// and whatever it refuses, the dump refuses: the check is the writer's rule.
TEST(Utf8, AgreesWithTheJsonWriterOnEveryTwoByteString) {
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const std::string s{static_cast<char>(a), static_cast<char>(b)};
      bool dumps = true;
      try {
        (void)nlohmann::json(s).dump();
      } catch (const nlohmann::json::exception&) {
        dumps = false;
      }
      ASSERT_EQ(invalid_utf8_at(s) == npos, dumps) << a << " " << b;
    }
  }
}

TEST(ControlChars, FindsAnyButTab) {
  EXPECT_EQ(control_char_at("a\tb"), npos);
  EXPECT_EQ(control_char_at("1\n2"), 1u);
  EXPECT_EQ(control_char_at("x\x7F"), 1u);
  EXPECT_EQ(control_char_at(std::string("a\0b", 3)), 1u);
}

TEST(Printable, EscapesControlCharactersAndBadBytesOnOneLine) {
  EXPECT_EQ(printable("1\n2"), "1\\n2");
  EXPECT_EQ(printable("a\r\tb\x01"), "a\\r\\tb\\x01");
  EXPECT_EQ(printable("\xE9["), "\\xE9[");
  EXPECT_EQ(printable("caf\xC3\xA9"), "caf\xC3\xA9");
}

TEST(Printable, CutsLongTextAtACharacterBoundary) {
  EXPECT_EQ(printable(std::string(1'000'000, 'a'), 4), "aaaa... (1000000 bytes)");
  EXPECT_EQ(printable("ab\xC3\xA9xyz", 3), "ab\xC3\xA9... (7 bytes)");  // é is not split
}

}  // namespace
}  // namespace choreo::sim
