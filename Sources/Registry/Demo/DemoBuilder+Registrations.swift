import GRDB

extension DemoBuilder {
  /// Who registers, in which group.
  enum Registrant {
    case person(Int, RegistrationGroup)
    case collective(Int)
  }

  /// The people of the appraisal teams, who do not register themselves.
  func panelPeople() throws -> Set<Int64> {
    Set(try Int64.fetchAll(db, sql: "SELECT person_id FROM panel_members"))
  }

  func level(_ person: Int, _ year: Int) -> UInt8 {
    let slot = year - Self.firstYear
    return slot >= 0 && slot < people[person].levels.count ? people[person].levels[slot] : 0
  }

  func makeRegistrations(_ campaign: CampaignInfo) throws {
    let year = campaign.year
    let panel = try panelPeople()
    let first = year == 2023
    var done = 0
    for index in units.indices where units[index].spec.registers {
      var registrants: [Registrant] = []
      for collective in units[index].collectives where random.chance(first ? 0.8 : 0.35) {
        registrants.append(.collective(collective))
      }
      for person in units[index].people where !panel.contains(people[person].id) {
        let previous = level(person, year - 1)
        let streak = (1...4).filter { level(person, year - $0) == 1 }.count
        if streak == 4 && random.chance(first ? 0.85 : 0.5) {
          registrants.append(.person(person, .htxsFiveYears))
        } else if streak == 3 && previous == 1 && random.chance(0.3) {
          registrants.append(.person(person, .htxsFiveYears))  // fails the five-year check
        } else if previous == 1 && random.chance(first ? 0.92 : 0.45) {
          registrants.append(.person(person, .htxsYear))
        } else if previous == 2 && people[person].ability > 0.9
          && random.chance(first ? 0.25 : 0.04)
        {
          registrants.append(.person(person, .htxsYear))
        }
      }
      for registrant in registrants {
        try makeRegistration(registrant, unit: index, campaign: campaign)
        done += 1
        if done % 50 == 0 { progress?(.init(phase: .registrations, done: done, total: done)) }
      }
    }
  }

  // MARK: One registration and its year

  /// The title of a model whose core (and template) were drawn: a core of the same field with a
  /// complement that no registration has had with the same template while there is one (the
  /// drawn core first), so that different units' models read differently and `possible_reuse`
  /// flags few; now and then (one in forty) a unit registers again, under its old title, a
  /// model of an earlier year, which that check is there to find.
  func makeTitle(
    _ drawn: (core: String, template: String), _ field: RegistrationField, unit: Int, _ year: Int
  ) -> (String, String) {
    let earlier = unitTitles[unit, default: []].filter { $0.year < year && $0.field == field }
    if !earlier.isEmpty && titleRandom.chance(1.0 / 40) {
      let title = titleRandom.pick(earlier).title
      return (title, VietnameseText.fold(title))
    }
    let complements = DemoData.complements[field]!
    func fresh(_ key: String) -> [String] {
      complements.filter { !usedPairs.contains(key + "|" + $0) }
    }
    var drawn = drawn
    if fresh(drawn.template).isEmpty {
      let others = units[unit].titles[field]!.filter { !fresh($0.template).isEmpty }
      if !others.isEmpty { drawn = titleRandom.pick(others) }
    }
    var choices = fresh(drawn.template)
    if choices.isEmpty { choices = fresh(drawn.core) }
    if choices.isEmpty { choices = complements }
    let complement = titleRandom.pick(choices)
    usedPairs.insert(drawn.template + "|" + complement)
    usedPairs.insert(drawn.core + "|" + complement)
    let title = drawn.core + ", " + complement
    unitTitles[unit, default: []].append((year, field, title))
    return (title, VietnameseText.fold(title))
  }

  func makeRegistration(_ registrant: Registrant, unit index: Int, campaign: CampaignInfo) throws {
    let unit = units[index]
    let spec = unit.spec
    let year = campaign.year
    let field = random.pick(DemoData.fields(spec.profile))
    let kind = random.pick([
      (RegistrationKind.model, 11), (.approach, 6), (.initiative, 2), (.topic, 1),
    ])
    let (title, folded) = makeTitle(random.pick(unit.titles[field]!), field, unit: index, year)
    let number = (nextRegistration[year] ?? 0) + 1
    nextRegistration[year] = number
    let code = "DK-\(year)-" + RecordEditor.padded(number, 3)
    let personId: Int64?
    let collectiveId: Int64?
    let group: RegistrationGroup
    var quality: Double
    switch registrant {
    case .person(let person, let grp):
      personId = people[person].id
      collectiveId = nil
      group = grp
      quality = 74 + 6 * people[person].ability + random.normal(deviation: 6)
    case .collective(let collective):
      personId = nil
      collectiveId = collectives[collective].id
      group = .collective
      quality = 78 + 5 * collectives[collective].quality + random.normal(deviation: 6)
    }
    quality = min(97, max(45, quality))
    let isCommittee = spec.kind != .cell
    let start = Day(year: year, month: 4, day: 1)!.adding(days: random.int(0...45))
    let end = Day(year: year, month: 10, day: 31)!.adding(days: random.int(0...40))

    // The year of the registration, event by event.
    var events: [(to: RegistrationStatus, day: Day)] = []
    var status = RegistrationStatus.draft
    var received: Day?
    var docDay: Day?
    var docNo: String?
    var proposed: Day?
    var outcome: Outcome?
    var report: Day?
    var created = campaign.opened.adding(days: random.int(10...40))
    func move(_ to: RegistrationStatus, _ day: Day) {
      events.append((to, day))
      status = to
    }
    if !random.chance(0.02) {
      let late = random.chance(0.12)
      let span = max(1, campaign.d1 - campaign.opened - 10)
      let receipt =
        late
        ? campaign.d1.adding(days: random.int(1...25))
        : campaign.d1.adding(days: -Int(Double(span) * pow2(random.unit())))
      received = receipt
      docDay = receipt.adding(days: -random.int(0...4))
      docNo = "\(random.int(8...260))-CV/\(isCommittee ? "ĐU" : "CB")"
      created = docDay!
      move(.submitted, receipt)
      var accepted = true
      if random.chance(0.09) {
        let returned = receipt.adding(days: random.int(3...10))
        move(.returned, returned)
        if random.chance(0.55) {
          move(.submitted, returned.adding(days: random.int(3...15)))
        } else {
          accepted = false
        }
      }
      if accepted && random.chance(0.015) {
        move(.withdrawn, events.last!.day.adding(days: random.int(2...10)))
        accepted = false
      }
      if accepted {
        let acceptedOn = events.last!.day.adding(days: random.int(2...12))
        move(.accepted, acceptedOn)
        if random.chance(0.012) {
          move(.cancelled, acceptedOn.adding(days: random.int(20...120)))
        } else if random.chance(0.025) {
          move(.withdrawn, acceptedOn.adding(days: random.int(20...150)))
        } else if random.chance(personId != nil ? 0.72 : 0.6) {
          proposed = Day(year: year, month: 10, day: 5)!.adding(days: random.int(0...25))
          if random.chance(0.92) {
            let lateReport = random.chance(0.1)
            let submitted =
              lateReport
              ? campaign.d2.adding(days: random.int(1...9))
              : campaign.d2.adding(days: -random.int(0...35))
            report = submitted
            move(.reported, submitted)
          } else {
            move(.notReported, campaign.d2.adding(days: campaign.grace + 1))
          }
        }
      }
    }

    // Targets and their reported results.
    let pool = DemoData.targets[field]!
    let firstTarget = random.int(0...(pool.count - 1))
    let targetCount = random.int(2...min(4, pool.count))
    var targets: [(description: String, measure: String, planned: Double, actual: Double)] = []
    var achieved = 0
    for seq in 0..<targetCount {
      let (description, measure, range) = pool[(firstTarget + seq) % pool.count]
      let planned = Double(random.int(range))
      let factor = min(
        1.8, max(0.3, random.normal(mean: 0.95 + (quality - 75) / 80, deviation: 0.15)))
      var actual = (planned * factor).rounded()
      if measure == "%" { actual = min(100, actual) }
      if actual >= planned { achieved += 1 }
      targets.append((description, measure, planned, actual))
    }
    let achievedRate = Double(achieved) / Double(targetCount)

    // The appraisal: each eligible member's points, then the decision.
    var sheets: [(member: Int64, day: Day, points: [Double])] = []
    if let report {
      let begin = min(max(report, campaign.d2).adding(days: random.int(1...3)), campaign.d3)
      move(.underAppraisal, begin)
      let eligible = campaign.panel.filter { $0.unit != unit.id }
      let slow = report > campaign.d2.adding(days: 5)
      let lateRegistration = (received ?? campaign.d1) > campaign.d1
      for member in eligible where random.chance(slow ? 0.4 : 0.96) {
        let day = begin.adding(days: random.int(0...max(0, campaign.d3 - begin)))
        var base = (quality + member.bias + random.normal(deviation: 3.5)) / 100
        if random.chance(0.03) { base -= Double(random.int(15...25)) / 100 }
        var points: [Double] = []
        for criterion in campaign.criteria {
          var share = base + random.normal(deviation: 0.06)
          if criterion.code == "TC3" { share += 0.25 * (achievedRate - 0.75) }
          if criterion.code == "TC5" {
            if lateRegistration { share -= 0.15 }
            if report > campaign.d2 { share -= 0.15 }
          }
          points.append(min(criterion.max, max(0, (criterion.max * share).rounded())))
        }
        sheets.append((member.id, day, points))
      }
      let quorum = (2 * eligible.count + 2) / 3
      if !slow && sheets.count >= quorum && !sheets.isEmpty {
        move(.scored, campaign.d3)
        let totals = sheets.map { $0.points.reduce(0, +) }
        let mean = totals.reduce(0, +) / Double(totals.count)
        outcome = mean >= 85 ? .excellent : mean >= 70 ? .pass : .notPassed
        move(outcome == .notPassed ? .notPassed : .recognized, campaign.btv.adding(days: -7))
        move(.sentToBTV, campaign.btv.adding(days: -2))
      }
    }

    let id = try insert(
      insertRegistration,
      [
        code, campaign.id, personId, collectiveId, unit.id, group, title, folded, kind, field,
        DemoData.problems[field]!, Self.solutions[random.int(0...(Self.solutions.count - 1))],
        random.pick(DemoData.novelties), spec.place, start, end, docNo, docDay, received,
        proposed, status, outcome,
      ])
    summary.registrations += 1
    var targetIds: [Int64] = []
    for (seq, target) in targets.enumerated() {
      targetIds.append(
        try insert(
          insertTarget, [id, seq + 1, target.description, target.measure, target.planned]))
      summary.targets += 1
    }
    if let report {
      let confirmer = units[index].collectives.first.map { collectives[$0].name } ?? spec.name
      let reportId = try insert(
        insertReport,
        [
          id, report,
          "Sau \(max(1, (report - start) / 30)) tháng triển khai, đạt \(achieved)/\(targetCount) chỉ tiêu đã đăng ký; người dân đồng tình, hưởng ứng.",
          random.pick(Self.effects), random.pick(Self.replications), confirmer,
          report.adding(days: -random.int(1...5)), Self.evidence,
        ])
      summary.reports += 1
      for (target, targetId) in zip(targets, targetIds) {
        try insert(insertResult, [reportId, targetId, target.actual])
      }
    }
    for sheet in sheets {
      let sheetId = try insert(insertSheet, [id, sheet.member, campaign.rubric, sheet.day, nil])
      summary.scoreSheets += 1
      for (criterion, points) in zip(campaign.criteria, sheet.points) {
        try insert(insertPoint, [sheetId, criterion.id, points])
      }
    }

    // The history, in the audit log.
    try audit(
      day: created, entity: "registrations", id: id, action: "insert", before: nil,
      after: #"{"code":"\#(code)","status":"draft"}"#, document: nil)
    var previous = RegistrationStatus.draft
    for (offset, event) in events.enumerated() {
      var before = #"{"status":"\#(previous.rawValue)""#
      var after = #"{"status":"\#(event.to.rawValue)""#
      if offset == 0, let received {
        before += #","received_on":null"#
        after += #","received_on":"\#(received.iso)""#
      }
      if event.to == .recognized || event.to == .notPassed, let outcome {
        before += #","outcome":null"#
        after += #","outcome":"\#(outcome.rawValue)""#
      }
      try audit(
        day: event.day, entity: "registrations", id: id, action: "transition",
        before: before + "}", after: after + "}",
        document: event.to == .accepted || event.to == .returned
          ? "\(random.int(10...400))-CV/BTCHU" : nil)
      previous = event.to
    }
  }

  static let evidence =
    "Báo cáo kết quả thực hiện\nHình ảnh, tư liệu minh họa\nXác nhận của cấp ủy cơ sở"

  static let solutions = [
    "Khảo sát thực trạng; xây dựng kế hoạch, phân công đảng viên phụ trách; tổ chức thực hiện, sơ kết hằng quý, rút kinh nghiệm và nhân rộng.",
    "Thành lập tổ thực hiện do cấp ủy chỉ đạo; tuyên truyền, vận động; hỗ trợ kỹ thuật, kết nối nguồn lực; kiểm tra, đánh giá định kỳ.",
    "Lựa chọn điểm làm trước; tập huấn cho cán bộ, đảng viên và người dân; theo dõi bằng sổ tay và nhóm Zalo; biểu dương kịp thời.",
  ]
  static let effects = [
    "Nâng cao đời sống, thu nhập của người dân; củng cố niềm tin của nhân dân với cấp ủy, chính quyền.",
    "Rút ngắn thời gian, giảm chi phí; cán bộ, đảng viên gần dân, sát dân hơn.",
    "Góp phần giữ vững an ninh trật tự, bảo vệ rừng; phong trào được duy trì thường xuyên.",
  ]
  static let replications = [
    "Có thể nhân rộng ra các thôn, xã có điều kiện tương tự trong huyện.",
    "Đã được một số đơn vị trong huyện đến học tập, áp dụng.",
    "Phù hợp với đơn vị có đông đồng bào dân tộc thiểu số.",
  ]
}

/// The square, for skewing receipt dates toward the deadline.
@inline(__always) func pow2(_ x: Double) -> Double { x * x }
