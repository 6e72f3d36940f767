import Testing

@testable import Render

@Suite struct JSONRendererTests {
  @Test func rowsBecomeObjectsWithIntegersAndFloatsKeptApart() {
    let table = Table(
      columns: [
        Column("id", kind: .integer), Column("name"), Column("score", kind: .number),
        Column("ok", kind: .boolean), Column("on", kind: .date), Column("note"),
      ],
      rows: [
        [1, "Đạ Sar", 2.0, true, .date("2023-03-28"), nil],
        [2, "Lát", 82.5, false, nil, "x"],
      ])
    #expect(
      JSONRenderer().render(table) == """
        [
          {"id": 1, "name": "Đạ Sar", "score": 2.0, "ok": true, "on": "2023-03-28", "note": null},
          {"id": 2, "name": "Lát", "score": 82.5, "ok": false, "on": null, "note": "x"}
        ]

        """)
  }

  @Test func stringsAreEscapedAndNonFiniteNumbersAreNull() {
    let table = Table(
      columns: [Column("t"), Column("x", kind: .number)],
      rows: [["<\"a\\b\"\n\t\u{1}\u{2028}>", .number(.nan)], ["", .number(-.infinity)]])
    #expect(
      JSONRenderer().render(table) == """
        [
          {"t": "<\\"a\\\\b\\"\\n\\t\\u0001\\u2028>", "x": null},
          {"t": "", "x": null}
        ]

        """)
  }

  @Test func repeatedColumnNamesGetDistinctKeys() {
    let table = Table(names: ["name", "name", "name_2", "name"], rows: [["a", "b", "c", "d"]])
    #expect(
      JSONRenderer().render(table) == """
        [
          {"name": "a", "name_3": "b", "name_2": "c", "name_4": "d"}
        ]

        """)
  }

  @Test func noRowsIsAnEmptyArray() {
    #expect(JSONRenderer().render(Table(columns: [Column("a")])) == "[]\n")
  }
}
