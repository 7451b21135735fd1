/// The stable, machine-readable reason of a ``RoutesError``.
public enum RoutesErrorReason: String, Sendable, Hashable, CaseIterable, Codable {
    /// The routes file cannot be read (missing, unreadable, not UTF-8).
    case unreadable = "routes.unreadable"
    /// The routes file is larger than ``RoutesOptions/maxFileBytes``.
    case tooLarge = "routes.too-large"
    /// The text is not well-formed YAML (including a key repeated in one mapping).
    case syntax = "routes.yaml-syntax"
    /// A mapping has a key the format does not define.
    case unknownKey = "routes.unknown-key"
    /// A required key is missing.
    case missingKey = "routes.missing-key"
    /// A value has the wrong YAML type (e.g. a list where a string is expected).
    case wrongType = "routes.wrong-type"
    /// A value has the right type but is out of range or malformed.
    case invalidValue = "routes.invalid-value"
    /// A duration is malformed or negative (`500ms`, `2s`, `5m`, `1h` are valid).
    case invalidDuration = "routes.invalid-duration"
    /// A type glob is malformed.
    case invalidGlob = "routes.invalid-glob"
    /// A type glob matches none of the known event types (only checked when they are given).
    case unmatchedGlob = "routes.unmatched-glob"
    /// Two subscriptions have the same id.
    case duplicateSubscription = "routes.duplicate-subscription"
    /// An agency id is not one of the known agencies (only checked when they are given).
    case unknownAgency = "routes.unknown-agency"
    /// A limit of ``RoutesOptions`` was exceeded (too many subscriptions or globs).
    case limitExceeded = "routes.limit-exceeded"
}
