/// How a CloudEvent travels in an HTTP message (CloudEvents HTTP protocol binding 1.0, §3).
///
/// `Sendable`: a plain enum.
public enum CloudEventHTTPMode: String, Sendable, Hashable {
    /// The whole event in the body, `Content-Type: application/cloudevents+json`.
    case structured
    /// Attributes in `ce-*` headers, `datacontenttype` in `Content-Type`, the data as the body.
    case binary
}
