import ArgumentParser
import Routing

/// `gerbang routes match`: whether an agency may publish a type, and which subscriptions would
/// receive such an event.
struct RoutesMatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Show whether an agency may publish an event type and which subscriptions receive it.",
        discussion: "Exit status: 0 permitted, 3 not permitted (the receiving subscriptions are still listed), 1 invalid routes, 2 agencies or catalogue unavailable."
    )

    @OptionGroup var file: RoutesFileOptions

    @Option(help: "The event's type, e.g. population.death.registered.")
    var type: String

    @Option(help: "The publishing agency, e.g. dukcapil.")
    var source: String

    @Option(help: "The event's subject, for subject-prefix filters.")
    var subject: String?

    @Option(name: .customLong("attribute"), help: "An extension attribute as name=value (repeatable), e.g. partitionkey=KPM-3374-00012345.")
    var attributes: [String] = []

    func run() throws {
        var extensions: [String: String] = [:]
        for attribute in attributes {
            guard let equals = attribute.firstIndex(of: "="), equals != attribute.startIndex else {
                throw ValidationError("--attribute takes name=value, not '\(attribute)'")
            }
            extensions[String(attribute[..<equals])] = String(attribute[attribute.index(after: equals)...])
        }
        let table = try file.load(command: "routes match")
        let event = EventAttributes(type: type, sourceAgency: source, subject: subject, extensions: extensions)
        let permitted = table.mayPublish(agency: source, type: type)
        print("publish: \(permitted ? "permitted" : "not permitted (route.not-permitted)")")
        let receivers = table.subscriptions(matching: event)
        if receivers.isEmpty { print("receivers: none") }
        for subscription in receivers {
            print("receiver: \(subscription.id) → \(subscription.agency)/\(subscription.adapter)")
        }
        if !permitted { throw ExitCode(3) }
    }
}
