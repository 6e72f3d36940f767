import Messages
import Testing

@Suite struct MessageTests {
  static let sample = Message(vi: "không có đơn vị {code}", en: "no unit {code}")

  @Test func placeholdersAreFilledInEitherLanguage() {
    #expect(MessageTests.sample(["code": "DS"], in: .vi) == "không có đơn vị DS")
    #expect(MessageTests.sample(["code": "DS"], in: .en) == "no unit DS")
  }

  @Test func aMissingArgumentStaysVisible() {
    #expect(MessageTests.sample([:], in: .en) == "no unit {code}")
    #expect(Message(vi: "a {x", en: "b {x")(["x": 1], in: .en) == "b {x")
  }

  @Test func theLanguageComesFromTheEnvironmentInOrder() {
    #expect(Language.fromEnvironment([:]) == .vi)
    #expect(Language.fromEnvironment(["LANG": "en_US.UTF-8"]) == .en)
    #expect(Language.fromEnvironment(["LANG": "C"]) == .vi)
    #expect(Language.fromEnvironment(["LANG": "en_US.UTF-8", "SANGTAO_LANG": "vi"]) == .vi)
  }
}
