/// The invented facts the demo registry is made of: the district's units (real communes, a
/// standard set of grassroots organizations, DOMAIN.md), Kinh and K'Ho name parts, positions,
/// and the titles, targets and texts of models. Every person is invented.
enum DemoData {
  /// What kind of work a unit does, which decides its positions and fields.
  enum Profile {
    case commune, armed, police, government, partyMass, health, school, justice, vertical, forest
  }

  struct UnitSpec {
    let code: String
    let name: String
    let kind: UnitKind
    let bloc: Bloc
    let members: Int
    /// Share of members from ethnic minorities (mostly Cơ Ho).
    let minorityShare: Double
    let femaleShare: Double
    let profile: Profile
    /// How titles name the place: "xã Đạ Sar", "Trung tâm Y tế huyện".
    let place: String
    /// Whether anyone in the unit registers (a few units never do).
    let registers: Bool
  }

  static let units: [UnitSpec] = [
    UnitSpec(
      code: "TT", name: "Đảng bộ thị trấn Lạc Dương", kind: .communeCommittee, bloc: .commune,
      members: 310, minorityShare: 0.3, femaleShare: 0.38, profile: .commune,
      place: "thị trấn Lạc Dương", registers: true),
    UnitSpec(
      code: "LAT", name: "Đảng bộ xã Lát", kind: .communeCommittee, bloc: .commune,
      members: 150, minorityShare: 0.72, femaleShare: 0.36, profile: .commune, place: "xã Lát",
      registers: true),
    UnitSpec(
      code: "DS", name: "Đảng bộ xã Đạ Sar", kind: .communeCommittee, bloc: .commune,
      members: 135, minorityShare: 0.78, femaleShare: 0.35, profile: .commune,
      place: "xã Đạ Sar", registers: true),
    UnitSpec(
      code: "DN", name: "Đảng bộ xã Đạ Nhim", kind: .communeCommittee, bloc: .commune,
      members: 120, minorityShare: 0.74, femaleShare: 0.34, profile: .commune,
      place: "xã Đạ Nhim", registers: true),
    UnitSpec(
      code: "DC", name: "Đảng bộ xã Đạ Chais", kind: .communeCommittee, bloc: .commune,
      members: 95, minorityShare: 0.8, femaleShare: 0.33, profile: .commune,
      place: "xã Đạ Chais", registers: true),
    UnitSpec(
      code: "DKN", name: "Đảng bộ xã Đưng K'Nớ", kind: .communeCommittee, bloc: .commune,
      members: 70, minorityShare: 0.9, femaleShare: 0.32, profile: .commune,
      place: "xã Đưng K'Nớ", registers: true),
    UnitSpec(
      code: "QS", name: "Đảng bộ Quân sự huyện", kind: .agencyCommittee, bloc: .armedForces,
      members: 45, minorityShare: 0.15, femaleShare: 0.05, profile: .armed,
      place: "Ban Chỉ huy Quân sự huyện", registers: true),
    UnitSpec(
      code: "CA", name: "Đảng bộ Công an huyện", kind: .agencyCommittee, bloc: .armedForces,
      members: 95, minorityShare: 0.12, femaleShare: 0.12, profile: .police,
      place: "Công an huyện", registers: true),
    UnitSpec(
      code: "CQ", name: "Đảng bộ cơ quan Chính quyền huyện", kind: .agencyCommittee,
      bloc: .government, members: 120, minorityShare: 0.15, femaleShare: 0.45,
      profile: .government, place: "UBND huyện Lạc Dương", registers: true),
    UnitSpec(
      code: "DMT", name: "Chi bộ cơ quan Đảng – Mặt trận – đoàn thể huyện", kind: .cell,
      bloc: .partyMass, members: 48, minorityShare: 0.25, femaleShare: 0.5,
      profile: .partyMass, place: "các cơ quan Đảng, Mặt trận, đoàn thể huyện",
      registers: true),
    UnitSpec(
      code: "YT", name: "Chi bộ Trung tâm Y tế huyện", kind: .cell, bloc: .publicService,
      members: 38, minorityShare: 0.2, femaleShare: 0.6, profile: .health,
      place: "Trung tâm Y tế huyện", registers: true),
    UnitSpec(
      code: "LB", name: "Chi bộ Trường THPT Lang Biang", kind: .cell, bloc: .publicService,
      members: 24, minorityShare: 0.15, femaleShare: 0.62, profile: .school,
      place: "Trường THPT Lang Biang", registers: true),
    UnitSpec(
      code: "DTNT", name: "Chi bộ Trường Phổ thông Dân tộc nội trú huyện", kind: .cell,
      bloc: .publicService, members: 16, minorityShare: 0.3, femaleShare: 0.6, profile: .school,
      place: "Trường Phổ thông Dân tộc nội trú huyện", registers: false),
    UnitSpec(
      code: "GD", name: "Chi bộ Phòng Giáo dục và Đào tạo", kind: .cell, bloc: .government,
      members: 12, minorityShare: 0.1, femaleShare: 0.55, profile: .school,
      place: "Phòng Giáo dục và Đào tạo huyện", registers: true),
    UnitSpec(
      code: "TA", name: "Chi bộ Tòa án nhân dân huyện", kind: .cell, bloc: .justice, members: 11,
      minorityShare: 0.1, femaleShare: 0.45, profile: .justice, place: "Tòa án nhân dân huyện",
      registers: true),
    UnitSpec(
      code: "VKS", name: "Chi bộ Viện Kiểm sát nhân dân huyện", kind: .cell, bloc: .justice,
      members: 10, minorityShare: 0.1, femaleShare: 0.4, profile: .justice,
      place: "Viện Kiểm sát nhân dân huyện", registers: true),
    UnitSpec(
      code: "THA", name: "Chi bộ Chi cục Thi hành án dân sự huyện", kind: .cell,
      bloc: .justice, members: 8, minorityShare: 0.1, femaleShare: 0.4, profile: .justice,
      place: "Chi cục Thi hành án dân sự huyện", registers: false),
    UnitSpec(
      code: "THUE", name: "Chi bộ Chi cục Thuế khu vực Lạc Dương", kind: .cell,
      bloc: .vertical, members: 13, minorityShare: 0.05, femaleShare: 0.55,
      profile: .vertical, place: "Chi cục Thuế khu vực", registers: true),
    UnitSpec(
      code: "KB", name: "Chi bộ Kho bạc Nhà nước huyện", kind: .cell, bloc: .vertical,
      members: 7, minorityShare: 0.05, femaleShare: 0.6, profile: .vertical,
      place: "Kho bạc Nhà nước huyện", registers: false),
    UnitSpec(
      code: "BHXH", name: "Chi bộ Bảo hiểm xã hội huyện", kind: .cell, bloc: .vertical,
      members: 9, minorityShare: 0.1, femaleShare: 0.6, profile: .vertical,
      place: "Bảo hiểm xã hội huyện", registers: true),
    UnitSpec(
      code: "KL", name: "Chi bộ Hạt Kiểm lâm huyện", kind: .cell, bloc: .publicService,
      members: 20, minorityShare: 0.2, femaleShare: 0.15, profile: .forest,
      place: "Hạt Kiểm lâm huyện", registers: true),
    UnitSpec(
      code: "RPH", name: "Chi bộ Ban Quản lý rừng phòng hộ Đa Nhim", kind: .cell,
      bloc: .publicService, members: 18, minorityShare: 0.35, femaleShare: 0.15,
      profile: .forest, place: "Ban Quản lý rừng phòng hộ Đa Nhim", registers: true),
    UnitSpec(
      code: "VQG", name: "Đảng bộ Vườn quốc gia Bidoup – Núi Bà", kind: .agencyCommittee,
      bloc: .publicService, members: 60, minorityShare: 0.3, femaleShare: 0.2,
      profile: .forest, place: "Vườn quốc gia Bidoup – Núi Bà", registers: true),
  ]

  /// The District Committee's advisory boards: units without members of their own (their staff
  /// belong to the cell DMT), named as agencies of the appraisal team.
  static let advisoryBoards: [(code: String, name: String)] = [
    ("VPHU", "Văn phòng Huyện ủy"), ("BTC", "Ban Tổ chức Huyện ủy"),
    ("UBKT", "Ủy ban Kiểm tra Huyện ủy"), ("BTG", "Ban Tuyên giáo Huyện ủy"),
    ("BDV", "Ban Dân vận Huyện ủy"), ("TTCT", "Trung tâm Chính trị huyện"),
  ]

  // MARK: Names

  static let kinhFamilies: [(String, Int)] = [
    ("Nguyễn", 30), ("Trần", 10), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Huỳnh", 3),
    ("Phan", 4), ("Vũ", 4), ("Võ", 4), ("Đặng", 3), ("Bùi", 3), ("Đỗ", 3), ("Hồ", 2),
    ("Ngô", 2), ("Dương", 2), ("Lý", 1), ("Đinh", 2), ("Trương", 2), ("Lương", 1), ("Mai", 1),
    ("Tạ", 1), ("Cao", 1),
  ]
  static let kinhMiddleMale = [
    "Văn", "Đức", "Minh", "Quốc", "Hữu", "Công", "Thanh", "Ngọc", "Xuân", "Đình", "Trọng", "Anh",
    "Văn", "Văn",
  ]
  static let kinhMiddleFemale = [
    "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Hồng", "Bích", "Phương", "Mỹ",
  ]
  static let kinhMale = [
    "An", "Bình", "Cường", "Dũng", "Đạt", "Đông", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Khánh",
    "Khoa", "Lâm", "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quang", "Quân", "Sơn",
    "Tài", "Thắng", "Thành", "Thịnh", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ",
  ]
  static let kinhFemale = [
    "Anh", "Bích", "Chi", "Diệp", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng",
    "Huệ", "Hương", "Lan", "Liên", "Linh", "Loan", "Mai", "Nga", "Ngân", "Nhung", "Oanh",
    "Phương", "Quyên", "Thảo", "Thủy", "Trang", "Tuyết", "Vân", "Yến",
  ]
  static let khoFamilies: [(String, Int)] = [
    ("Cil", 6), ("Liêng Hót", 4), ("Kơ Să", 4), ("Bon Niêng", 3), ("Rơ Ông", 2), ("Lơ Mu", 2),
    ("Đa Cát", 2), ("Păng Ting", 2), ("Bon Dơng", 2), ("Kră Jăn", 2), ("Ka Sô", 1),
    ("Liêng Jrang", 2), ("Cil Mup", 1),
  ]
  static let khoMale = [
    "K'Brel", "K'Sim", "K'Jang", "K'Đing", "K'Hô", "K'Tiếp", "K'Bríp", "K'Jốt", "K'Phin", "K'Mơ",
    "Ha Jũ", "Ha Krơi", "K'Dốt", "K'Điểu", "K'Thuận", "K'Broh", "Duin", "Ha Nang",
  ]
  static let khoFemale = [
    "Ha Thủy", "Ha Tới", "Ha Nhung", "Ha Loan", "Ka Huệ", "Ha Jen", "Ha Ngọc", "Ha Thu",
    "Ha Rim", "Ha Mai", "Ha Blin", "Ha Sen", "Ha Diễm", "Ha Kim", "Ka Nguyệt", "Ha Plin",
  ]
  static let otherMinorities: [(String, Int)] = [
    ("Cơ Ho", 90), ("Mạ", 3), ("Chu Ru", 3), ("Tày", 2), ("Nùng", 2),
  ]

  // MARK: Positions

  /// Leading positions (party, government), first people of a unit; then staff positions.
  static func leaders(_ profile: Profile, place: String) -> [(party: String, government: String?)] {
    switch profile {
    case .commune:
      let kind = place.hasPrefix("thị trấn") ? "thị trấn" : "xã"
      return [
        ("Bí thư Đảng ủy", "Chủ tịch HĐND \(kind)"),
        ("Phó Bí thư Thường trực Đảng ủy", nil),
        ("Phó Bí thư Đảng ủy", "Chủ tịch UBND \(kind)"),
        ("Đảng ủy viên", "Phó Chủ tịch UBND \(kind)"),
        ("Đảng ủy viên", "Chủ tịch Ủy ban MTTQ Việt Nam \(kind)"),
        ("Đảng ủy viên", "Trưởng Công an \(kind)"),
        ("Đảng ủy viên", "Chỉ huy trưởng Ban Chỉ huy Quân sự \(kind)"),
      ]
    case .armed:
      return [("Bí thư Đảng ủy", "Chính trị viên"), ("Phó Bí thư Đảng ủy", "Chỉ huy trưởng")]
    case .police:
      return [
        ("Bí thư Đảng ủy", "Trưởng Công an huyện"),
        ("Phó Bí thư Đảng ủy", "Phó Trưởng Công an huyện"),
      ]
    case .government:
      return [
        ("Bí thư Đảng ủy", "Phó Chủ tịch UBND huyện"),
        ("Phó Bí thư Đảng ủy", "Chánh Văn phòng HĐND và UBND huyện"),
      ]
    case .partyMass:
      return [
        ("Bí thư Chi bộ", "Phó Trưởng ban Tổ chức Huyện ủy"),
        ("Phó Bí thư Chi bộ", "Phó Chủ tịch Ủy ban MTTQ Việt Nam huyện"),
      ]
    case .health:
      return [("Bí thư Chi bộ", "Giám đốc"), ("Phó Bí thư Chi bộ", "Phó Giám đốc")]
    case .school:
      return [("Bí thư Chi bộ", "Hiệu trưởng"), ("Phó Bí thư Chi bộ", "Phó Hiệu trưởng")]
    case .justice:
      return [("Bí thư Chi bộ", "Thủ trưởng cơ quan"), ("Chi ủy viên", "Phó Thủ trưởng cơ quan")]
    case .vertical:
      return [("Bí thư Chi bộ", "Chi cục trưởng, Giám đốc"), ("Chi ủy viên", "Phó Giám đốc")]
    case .forest:
      return [("Bí thư Chi bộ", "Giám đốc, Hạt trưởng"), ("Phó Bí thư Chi bộ", "Phó Giám đốc")]
    }
  }

  static func staff(_ profile: Profile) -> [(String, Bool)] {
    switch profile {
    case .commune:
      return [
        ("Công chức Văn phòng – Thống kê", true), ("Công chức Địa chính – Xây dựng", true),
        ("Công chức Văn hóa – Xã hội", true), ("Công chức Tư pháp – Hộ tịch", true),
        ("Trưởng thôn", false), ("Bí thư Chi đoàn thôn", false),
        ("Chi hội trưởng Hội Nông dân", false),
        ("Chi hội trưởng Hội Phụ nữ", false), ("Nông dân", false), ("Nông dân", false),
        ("Nông dân", false), ("Giáo viên", false), ("Cựu chiến binh", false),
      ]
    case .armed: return [("Trợ lý", true), ("Sĩ quan", true), ("Quân nhân chuyên nghiệp", true)]
    case .police:
      return [("Đội trưởng", true), ("Cán bộ, chiến sĩ", true), ("Cán bộ, chiến sĩ", true)]
    case .government:
      return [
        ("Trưởng phòng", true), ("Phó Trưởng phòng", true), ("Chuyên viên", true),
        ("Chuyên viên", true),
      ]
    case .partyMass:
      return [("Chuyên viên", true), ("Chuyên viên", true), ("Phó Chủ tịch hội đoàn thể", true)]
    case .health:
      return [("Bác sĩ", false), ("Điều dưỡng", false), ("Y sĩ", false), ("Dược sĩ", false)]
    case .school:
      return [("Giáo viên", false), ("Giáo viên", false), ("Tổng phụ trách Đội", false)]
    case .justice: return [("Thẩm phán, Kiểm sát viên, Chấp hành viên", true), ("Thư ký", true)]
    case .vertical: return [("Kiểm soát viên", true), ("Chuyên viên", true)]
    case .forest:
      return [("Kiểm lâm viên", true), ("Viên chức", false), ("Nhân viên bảo vệ rừng", false)]
    }
  }

  /// The leadership collectives of a unit: name and which leader (index) heads it.
  static func collectives(_ spec: UnitSpec) -> [(name: String, head: Int)] {
    switch spec.profile {
    case .commune:
      let place = spec.place
      return [("Ban Thường vụ Đảng ủy \(place)", 0), ("Tập thể lãnh đạo UBND \(place)", 2)]
    case .armed:
      return [("Ban Thường vụ Đảng ủy Quân sự huyện", 0), ("Ban Chỉ huy Quân sự huyện", 1)]
    case .police:
      return [("Ban Thường vụ Đảng ủy Công an huyện", 0), ("Ban Chỉ huy Công an huyện", 0)]
    case .government: return [("Ban Thường vụ Đảng ủy cơ quan Chính quyền huyện", 0)]
    case .partyMass: return [("Chi ủy Chi bộ cơ quan Đảng – Mặt trận – đoàn thể huyện", 0)]
    case .health:
      return [("Chi ủy Chi bộ Trung tâm Y tế huyện", 0), ("Ban Giám đốc Trung tâm Y tế huyện", 0)]
    case .school: return [("Chi ủy \(spec.name)", 0), ("Ban Giám hiệu, lãnh đạo \(spec.place)", 0)]
    case .justice, .vertical: return [("Chi ủy \(spec.name)", 0)]
    case .forest:
      return spec.kind == .agencyCommittee
        ? [("Ban Thường vụ Đảng ủy \(spec.place)", 0), ("Ban Giám đốc \(spec.place)", 0)]
        : [("Chi ủy \(spec.name)", 0)]
    }
  }

  // MARK: Models

  /// The fields a unit's models are in, weighted.
  static func fields(_ profile: Profile) -> [(RegistrationField, Int)] {
    switch profile {
    case .commune:
      return [
        (.economy, 6), (.massMobilization, 4), (.partyBuilding, 3), (.cultureSociety, 3),
        (.adminReform, 2), (.defenceSecurity, 2),
      ]
    case .armed, .police:
      return [
        (.defenceSecurity, 6), (.massMobilization, 2), (.partyBuilding, 2), (.adminReform, 1),
      ]
    case .government: return [(.adminReform, 6), (.economy, 3), (.cultureSociety, 1)]
    case .partyMass: return [(.partyBuilding, 5), (.massMobilization, 4), (.adminReform, 1)]
    case .health, .school: return [(.cultureSociety, 6), (.adminReform, 2), (.partyBuilding, 1)]
    case .justice, .vertical:
      return [(.adminReform, 6), (.defenceSecurity, 1), (.partyBuilding, 1)]
    case .forest:
      return [(.economy, 4), (.defenceSecurity, 3), (.cultureSociety, 1), (.massMobilization, 2)]
    }
  }

  /// Title templates per field; `{place}` is the unit's place, `{product}` a local product.
  static let titles: [RegistrationField: [String]] = [
    .partyBuilding: [
      "Nâng cao chất lượng sinh hoạt chi bộ thôn vùng đồng bào dân tộc thiểu số tại {place}",
      "Sổ tay đảng viên điện tử trong quản lý, sinh hoạt đảng ở {place}",
      "Phát triển đảng viên là người dân tộc thiểu số, đoàn viên ưu tú ở {place}",
      "Mỗi đảng viên gắn với một hộ gia đình trong thực hiện nghị quyết tại {place}",
      "Sinh hoạt chuyên đề theo hình thức đối thoại giữa chi ủy và đảng viên tại {place}",
      "Số hóa hồ sơ đảng viên và ứng dụng phần mềm quản lý đảng viên tại {place}",
      "Làm theo tấm gương Bác bằng việc làm cụ thể mỗi tháng ở {place}",
      "Chi bộ “bốn tốt” gắn với xây dựng thôn không có đảng viên vi phạm tại {place}",
    ],
    .economy: [
      "Trồng cà phê Arabica theo hướng hữu cơ gắn với liên kết tiêu thụ tại {place}",
      "Sản xuất rau, hoa công nghệ cao trong nhà kính ở {place}",
      "Phát triển du lịch cộng đồng gắn với văn hóa cồng chiêng tại {place}",
      "Xây dựng sản phẩm OCOP từ {product} ở {place}",
      "Giao khoán bảo vệ rừng cho cộng đồng dân cư thôn gắn với sinh kế tại {place}",
      "Tổ hợp tác trồng {product} theo chuỗi giá trị ở {place}",
      "Chuyển đổi cây trồng kém hiệu quả sang cây ăn quả ôn đới tại {place}",
      "Hỗ trợ hộ đồng bào dân tộc thiểu số thoát nghèo bền vững tại {place}",
      "Trồng dược liệu dưới tán rừng gắn với bảo vệ rừng ở {place}",
    ],
    .cultureSociety: [
      "Câu lạc bộ cồng chiêng thanh thiếu niên ở {place}",
      "Giữ gìn nghề dệt thổ cẩm K'Ho gắn với phát triển du lịch tại {place}",
      "Nhà trường – gia đình phối hợp giảm tỷ lệ học sinh bỏ học tại {place}",
      "Khám sàng lọc, quản lý bệnh không lây nhiễm tại cộng đồng do {place} thực hiện",
      "Tủ sách song ngữ Việt – K'Ho cho học sinh vùng khó khăn của {place}",
      "Nói không với tảo hôn, hôn nhân cận huyết thống tại {place}",
      "Bữa cơm bán trú có thịt, cá cho học sinh dân tộc thiểu số tại {place}",
      "Dạy tiếng K'Ho cho cán bộ, công chức, viên chức công tác ở {place}",
    ],
    .defenceSecurity: [
      "Tổ an ninh tự quản thôn gắn với hệ thống camera giám sát tại {place}",
      "Tổ xung kích phòng cháy, chữa cháy rừng mùa khô tại {place}",
      "Dân quân tham gia tuần tra, bảo vệ rừng ở {place}",
      "Phòng ngừa vi phạm pháp luật trong thanh thiếu niên do {place} thực hiện",
      "Tuyên truyền pháp luật bằng tiếng K'Ho cho đồng bào tại {place}",
      "Huấn luyện dân quân sát thực tế địa bàn rừng núi của {place}",
      "Camera an ninh kết nối với công an xã, thị trấn tại {place}",
    ],
    .adminReform: [
      "Tổ công nghệ số cộng đồng hỗ trợ người dân dịch vụ công trực tuyến tại {place}",
      "Tiếp nhận phản ánh, kiến nghị của người dân qua Zalo tại {place}",
      "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại {place}",
      "Thanh toán không dùng tiền mặt trong thu thuế, phí, lệ phí ở {place}",
      "Trả kết quả thủ tục hành chính tại nhà cho người già, người khuyết tật ở {place}",
      "Chữ ký số và văn bản điện tử trong chỉ đạo, điều hành tại {place}",
      "Hỗ trợ người dân định danh điện tử mức 2 và ứng dụng VNeID ở {place}",
      "Cán bộ một cửa “ba tại chỗ”: nhận, giải quyết, trả kết quả tại {place}",
    ],
    .massMobilization: [
      "Dân vận khéo trong vận động đồng bào hiến đất làm đường giao thông nông thôn tại {place}",
      "Dân vận khéo trong vận động người dân không phá rừng, lấn chiếm đất rừng ở {place}",
      "Vận động đồng bào xóa bỏ hủ tục trong việc cưới, việc tang ở {place}",
      "Già làng, người có uy tín tham gia hòa giải ở cơ sở tại {place}",
      "Kết nghĩa, giúp nhau thoát nghèo giữa đảng viên và hộ nghèo tại {place}",
      "Phụ nữ K'Ho tiết kiệm, vay vốn phát triển kinh tế gia đình ở {place}",
      "Đoàn viên thanh niên giúp đồng bào thu hoạch nông sản, xây nhà tại {place}",
    ],
  ]

  /// What sets one unit's version of a model apart, put after its title: two units running the
  /// same kind of model describe it differently, as real registrations do.
  static let complements: [RegistrationField: [String]] = [
    .partyBuilding: [
      "gắn với phân công nhiệm vụ cụ thể cho từng đảng viên", "qua nhóm Zalo của chi bộ",
      "với sự tham gia của già làng, người có uy tín", "theo chủ đề từng quý",
      "kết hợp kiểm tra, giám sát thường xuyên của chi ủy",
      "gắn với đánh giá, xếp loại đảng viên cuối năm",
      "có sổ theo dõi kết quả thực hiện hằng tháng", "bằng song ngữ Việt – K'Ho",
    ],
    .economy: [
      "gắn với liên kết tiêu thụ cùng doanh nghiệp", "có nhật ký điện tử truy xuất nguồn gốc",
      "do đảng viên làm kinh tế giỏi hướng dẫn", "theo tiêu chuẩn VietGAP",
      "kết hợp bán hàng qua sàn thương mại điện tử",
      "bằng vốn vay ưu đãi của Ngân hàng Chính sách xã hội",
      "gắn với xây dựng nông thôn mới nâng cao", "ứng dụng tưới nhỏ giọt tiết kiệm nước",
    ],
    .cultureSociety: [
      "với sự phối hợp của Đoàn Thanh niên", "gắn với lễ hội truyền thống của đồng bào",
      "do Chi hội Phụ nữ thôn đảm nhận", "có sự đồng hành của các nhà hảo tâm",
      "kết hợp sinh hoạt cộng đồng cuối tuần", "theo dõi bằng sổ tay điện tử",
      "gắn với xây dựng gia đình văn hóa", "qua loa phát thanh bằng tiếng K'Ho",
    ],
    .defenceSecurity: [
      "phối hợp với kiểm lâm địa bàn", "với sự tham gia của đoàn viên thanh niên",
      "có lịch trực theo ca, báo cáo hằng tuần", "kết hợp tuyên truyền trên loa phát thanh thôn",
      "gắn với phong trào toàn dân bảo vệ an ninh Tổ quốc", "qua nhóm Zalo an ninh trật tự",
      "do già làng, người có uy tín vận động", "theo cụm liên kết giữa các thôn giáp ranh",
    ],
    .adminReform: [
      "có hướng dẫn bằng tiếng K'Ho", "với tổ công tác lưu động xuống thôn",
      "gắn với đánh giá mức độ hài lòng của người dân", "trên trang Zalo chính thức của đơn vị",
      "kết hợp số hóa hồ sơ lưu trữ", "do đoàn viên thanh niên hỗ trợ",
      "theo quy trình ISO 9001", "có bảng theo dõi thời hạn giải quyết công khai",
    ],
    .massMobilization: [
      "qua tiếng nói của già làng, người có uy tín", "gắn với cuộc vận động xây dựng nông thôn mới",
      "do Mặt trận và các đoàn thể cùng thực hiện", "với cam kết của từng hộ gia đình",
      "bằng đối thoại tại nhà văn hóa thôn", "kết hợp biểu dương hộ tiêu biểu hằng quý",
      "theo phương châm “dân biết, dân bàn, dân làm, dân kiểm tra”",
      "có đảng viên phụ trách từng cụm dân cư",
    ],
  ]

  static let products = [
    "cà phê Arabica", "dâu tây", "atisô", "rau, hoa công nghệ cao", "hồng treo gió", "mật ong rừng",
    "rượu cần K'Ho", "chè dây", "thổ cẩm K'Ho", "cà phê chồn",
  ]

  /// Targets per field: description, unit of measure, planned range.
  static let targets: [RegistrationField: [(String, String, ClosedRange<Int>)]] = [
    .partyBuilding: [
      ("Tỷ lệ đảng viên tham gia sinh hoạt đầy đủ", "%", 90...100),
      ("Số đảng viên mới được kết nạp", "đảng viên", 2...8),
      ("Số chi bộ đạt chất lượng sinh hoạt tốt", "chi bộ", 3...10),
      ("Tỷ lệ hồ sơ đảng viên được số hóa", "%", 60...100),
    ],
    .economy: [
      ("Số hộ tham gia mô hình", "hộ", 15...120), ("Thu nhập bình quân tăng", "%", 10...35),
      ("Diện tích áp dụng", "ha", 5...80), ("Số lượt khách du lịch", "lượt", 500...6000),
      ("Số hộ thoát nghèo", "hộ", 3...25),
      ("Số sản phẩm được công nhận OCOP 3 sao", "sản phẩm", 1...3),
    ],
    .cultureSociety: [
      ("Tỷ lệ học sinh bỏ học giảm", "%", 20...60),
      ("Số người được khám sàng lọc", "người", 300...2500),
      ("Số thành viên câu lạc bộ", "người", 20...60), ("Số vụ tảo hôn giảm", "%", 30...80),
      ("Số buổi sinh hoạt văn hóa cộng đồng", "buổi", 6...24),
    ],
    .defenceSecurity: [
      ("Số vụ cháy rừng giảm", "%", 30...80), ("Số camera an ninh được lắp đặt", "camera", 5...40),
      ("Số buổi tuần tra", "buổi", 24...120), ("Số vụ vi phạm pháp luật giảm", "%", 10...40),
      ("Số lượt người dân được tuyên truyền", "lượt", 300...3000),
    ],
    .adminReform: [
      ("Tỷ lệ hồ sơ nộp trực tuyến", "%", 40...90), ("Số hồ sơ được số hóa", "hồ sơ", 500...5000),
      ("Tỷ lệ người dân được định danh mức 2", "%", 50...95),
      ("Tỷ lệ giao dịch không dùng tiền mặt", "%", 40...90),
      ("Thời gian giải quyết hồ sơ giảm", "%", 20...50),
    ],
    .massMobilization: [
      ("Diện tích đất người dân hiến làm đường", "m²", 1000...12000),
      ("Số hộ ký cam kết không phá rừng", "hộ", 50...400),
      ("Số vụ việc hòa giải thành", "vụ", 5...30),
      ("Số hộ được giúp đỡ thoát nghèo", "hộ", 3...20),
      ("Số đám cưới, đám tang thực hiện nếp sống mới", "đám", 10...60),
    ],
  ]

  static let problems: [RegistrationField: String] = [
    .partyBuilding:
      "Chất lượng sinh hoạt chi bộ ở một số thôn còn hình thức, nội dung chưa sát thực tế; tỷ lệ đảng viên tham gia chưa cao.",
    .economy:
      "Sản xuất còn nhỏ lẻ, manh mún, chưa gắn với thị trường; thu nhập của người dân, nhất là đồng bào dân tộc thiểu số, còn thấp và bấp bênh.",
    .cultureSociety:
      "Một số giá trị văn hóa truyền thống đang mai một; công tác chăm lo sức khỏe, giáo dục ở vùng khó khăn còn nhiều hạn chế.",
    .defenceSecurity:
      "Tình trạng vi phạm lâm luật, cháy rừng mùa khô và vi phạm pháp luật trong thanh thiếu niên còn diễn biến phức tạp.",
    .adminReform:
      "Người dân còn ngại sử dụng dịch vụ công trực tuyến; hồ sơ giấy nhiều, thời gian giải quyết còn kéo dài.",
    .massMobilization:
      "Công tác vận động quần chúng ở một số nơi còn hành chính, chưa phát huy vai trò của người có uy tín trong cộng đồng.",
  ]

  static let novelties = [
    "Lần đầu áp dụng trên địa bàn huyện; phân công đảng viên phụ trách từng nhóm hộ và đánh giá kết quả hằng tháng.",
    "Kết hợp tuyên truyền bằng tiếng K'Ho với hỗ trợ trực tiếp tại nhà, có sự tham gia của già làng, người có uy tín.",
    "Ứng dụng nền tảng số miễn phí (Zalo, Google Biểu mẫu) để theo dõi tiến độ, công khai kết quả cho người dân.",
    "Liên kết giữa hợp tác xã, doanh nghiệp và người dân; đảng viên đi đầu làm trước để người dân làm theo.",
    "Cải tiến quy trình từ năm bước còn ba bước, giao rõ người, rõ việc, rõ thời gian hoàn thành.",
  ]
}
