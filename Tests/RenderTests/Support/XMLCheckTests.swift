import Testing

/// The checker itself must reject what is not well-formed, or the SVG tests prove nothing.
@Suite struct XMLCheckTests {
  @Test func acceptsWellFormedXML() {
    #expect(XMLCheck.problem(in: "<a x=\"1\"><b/>t &amp; &#39;<c y='2'>u</c></a>\n") == nil)
  }

  @Test func rejectsWhatIsNotWellFormed() {
    #expect(XMLCheck.problem(in: "<a><b></a>") != nil)
    #expect(XMLCheck.problem(in: "<a>x & y</a>") != nil)
    #expect(XMLCheck.problem(in: "<a>x < y</a>") != nil)
    #expect(XMLCheck.problem(in: "<a x=1></a>") != nil)
    #expect(XMLCheck.problem(in: "<a x=\"<\"></a>") != nil)
    #expect(XMLCheck.problem(in: "<a x=\"1\" x=\"2\"></a>") != nil)
    #expect(XMLCheck.problem(in: "<a></a><b></b>") != nil)
    #expect(XMLCheck.problem(in: "<a>&nbsp;</a>") != nil)
    #expect(XMLCheck.problem(in: "<a>\u{1}</a>") != nil)
    #expect(XMLCheck.problem(in: "<a>") != nil)
  }
}
