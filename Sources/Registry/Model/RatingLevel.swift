import Messages

/// A yearly quality rating (xếp loại chất lượng), best first.
public enum RatingLevel: String, RegistryCode, Comparable {
  case htxs = "HTXS"
  case htt = "HTT"
  case ht = "HT"
  case kht = "KHT"

  public var label: Message {
    switch self {
    case .htxs: .ratingHTXS
    case .htt: .ratingHTT
    case .ht: .ratingHT
    case .kht: .ratingKHT
    }
  }

  /// Better levels are greater: `.htxs > .htt`.
  public static func < (lhs: RatingLevel, rhs: RatingLevel) -> Bool {
    allCases.firstIndex(of: lhs)! > allCases.firstIndex(of: rhs)!
  }
}
