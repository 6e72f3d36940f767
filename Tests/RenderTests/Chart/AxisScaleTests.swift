import Testing

@testable import Render

@Suite struct AxisScaleTests {
  @Test func ticksStepByOneTwoOrFiveTimesAPowerOfTen() {
    #expect(AxisScale(minimum: 0, maximum: 17).ticks == [0, 5, 10, 15, 20])
    #expect(AxisScale(minimum: 0, maximum: 100).ticks == [0, 20, 40, 60, 80, 100])
    #expect(AxisScale(minimum: 3, maximum: 82.5).ticks == [0, 20, 40, 60, 80, 100])
    #expect(AxisScale(minimum: -3, maximum: 7).ticks == [-4, -2, 0, 2, 4, 6, 8])
    #expect(AxisScale(minimum: 0, maximum: 3, integers: true).ticks == [0, 1, 2, 3])
    #expect(AxisScale(minimum: 0, maximum: 0).ticks.first == 0)
    #expect(AxisScale(minimum: 0, maximum: 0).ticks.last == 1)
  }

  @Test func fractionalStepsKnowTheirDecimals() {
    let scale = AxisScale(minimum: 0, maximum: 0.37)
    #expect(scale.step == 0.1)
    #expect(scale.decimals == 1)
    #expect(scale.upper == 0.4)
    #expect(AxisScale.niceStep(atLeast: 0.013) == 0.02)
    #expect(AxisScale.niceStep(atLeast: 20) == 20)
    #expect(AxisScale.niceStep(atLeast: 21) == 50)
    #expect(AxisScale.niceStep(atLeast: 21, multiples: [1, 2, 2.5, 5]) == 25)
  }
}
