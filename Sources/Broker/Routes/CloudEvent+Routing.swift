import Envelope
import Routing

extension CloudEvent {
    /// The attributes the routes' subscription filters look at: type, the publishing agency,
    /// subject, and every string-valued extension attribute.
    func routingAttributes(agency: String) -> EventAttributes {
        var extensions: [String: String] = [:]
        for name in extensionNames {
            if case .string(let value) = attribute(name) { extensions[name] = value }
        }
        return EventAttributes(type: type, sourceAgency: agency, subject: subject, extensions: extensions)
    }
}
