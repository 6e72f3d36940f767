/// A scoring rubric as data: criteria with their maximum points and bands. Stored per campaign
/// year and versioned (``Rubrics``); the text of 09-HD/BTCTU is not public, so ``standard`` holds
/// the defaults of DESIGN.md §4 and any year may define its own.
///
///     let rubric = RubricDefinition(name: "Thang điểm 2024", criteria: [
///       .init(code: "TC1", name: "Tính mới", maxPoints: 40),
///       .init(code: "TC2", name: "Hiệu quả", maxPoints: 60),
///     ])
public struct RubricDefinition: Sendable, Equatable {
  public var name: String
  /// Where the rubric comes from.
  public var source: String?
  public var criteria: [CriterionDefinition]

  /// Creates a value with these fields.
  public init(name: String, source: String? = nil, criteria: [CriterionDefinition]) {
    self.name = name
    self.source = source
    self.criteria = criteria
  }

  /// The sum of the criteria's maximum points.
  public var maxPoints: Double { criteria.reduce(0) { $0 + $1.maxPoints } }

  /// The 100-point rubric of DESIGN.md §4: TC1 novelty 25, TC2 practicality 15, TC3 effect
  /// against the registered targets 35, TC4 replicability 15, TC5 dossier and timeliness 10.
  public static let standard = RubricDefinition(
    name: "Thang điểm thẩm định mô hình mới, cách làm sáng tạo (100 điểm)",
    source: "Mặc định của sangtao theo tinh thần Hướng dẫn 09-HD/BTCTU",
    criteria: [
      CriterionDefinition(
        code: "TC1", name: "Tính mới, tính sáng tạo", maxPoints: 25,
        evidence: "Bản đăng ký; so sánh với cách làm trước đây trên địa bàn",
        bands: [
          .init(label: "Hoàn toàn mới trên địa bàn huyện", min: 23, max: 25),
          .init(label: "Cải tiến rõ rệt so với cách làm cũ", min: 17, max: 22),
          .init(label: "Cải tiến ở mức trung bình", min: 10, max: 16),
          .init(label: "Cải tiến ít", min: 1, max: 9),
          .init(label: "Sao chép cách làm đã có", min: 0, max: 0),
        ]),
      CriterionDefinition(
        code: "TC2", name: "Tính thực tiễn, khả thi", maxPoints: 15,
        evidence: "Kế hoạch triển khai; nguồn lực; điều kiện áp dụng",
        bands: [
          .init(label: "Hoàn toàn khả thi, phù hợp điều kiện địa phương", min: 13, max: 15),
          .init(label: "Khả thi, cần điều chỉnh nhỏ", min: 9, max: 12),
          .init(label: "Khả thi một phần", min: 5, max: 8),
          .init(label: "Khó triển khai", min: 1, max: 4),
          .init(label: "Không khả thi", min: 0, max: 0),
        ]),
      CriterionDefinition(
        code: "TC3", name: "Hiệu quả so với chỉ tiêu đăng ký", maxPoints: 35,
        evidence: "Báo cáo kết quả; số liệu từng chỉ tiêu có xác nhận",
        bands: [
          .init(label: "Đạt và vượt tất cả chỉ tiêu", min: 30, max: 35),
          .init(label: "Đạt phần lớn chỉ tiêu", min: 22, max: 29),
          .init(label: "Đạt khoảng một nửa chỉ tiêu", min: 14, max: 21),
          .init(label: "Đạt ít chỉ tiêu", min: 1, max: 13),
          .init(label: "Không có kết quả", min: 0, max: 0),
        ]),
      CriterionDefinition(
        code: "TC4", name: "Khả năng nhân rộng, lan tỏa", maxPoints: 15,
        evidence: "Nơi đã áp dụng, học tập; đánh giá của cấp ủy",
        bands: [
          .init(label: "Đã được nhân rộng ra ngoài đơn vị", min: 13, max: 15),
          .init(label: "Có thể nhân rộng trong toàn huyện", min: 9, max: 12),
          .init(label: "Nhân rộng được ở đơn vị tương tự", min: 5, max: 8),
          .init(label: "Khả năng nhân rộng hạn chế", min: 1, max: 4),
          .init(label: "Không nhân rộng được", min: 0, max: 0),
        ]),
      CriterionDefinition(
        code: "TC5", name: "Hồ sơ, minh chứng và thời hạn", maxPoints: 10,
        evidence: "Đầy đủ hồ sơ, minh chứng; nộp đúng hạn D1, D2",
        bands: [
          .init(label: "Đầy đủ, đúng hạn", min: 9, max: 10),
          .init(label: "Đầy đủ, còn thiếu sót nhỏ", min: 6, max: 8),
          .init(label: "Chưa đầy đủ hoặc nộp muộn", min: 3, max: 5),
          .init(label: "Thiếu nhiều", min: 1, max: 2),
          .init(label: "Không có hồ sơ", min: 0, max: 0),
        ]),
    ])
}

/// A criterion of a rubric.
public struct CriterionDefinition: Sendable, Equatable {
  public var code: String
  public var name: String
  public var maxPoints: Double
  /// Evidence required.
  public var evidence: String?
  /// Bands, best first; points must fall in one when there are bands.
  public var bands: [Band]

  /// Creates a value with these fields.
  public init(
    code: String, name: String, maxPoints: Double, evidence: String? = nil, bands: [Band] = []
  ) {
    self.code = code
    self.name = name
    self.maxPoints = maxPoints
    self.evidence = evidence
    self.bands = bands
  }

  /// A band of points with its label.
  public struct Band: Sendable, Equatable {
    public var label: String
    public var min: Double
    public var max: Double

    /// Creates a value with these fields.
    public init(label: String, min: Double, max: Double) {
      self.label = label
      self.min = min
      self.max = max
    }
  }

  /// The band `points` falls in; nil when none (or no bands).
  public func band(for points: Double) -> Band? {
    bands.first { points >= $0.min && points <= $0.max }
  }
}
