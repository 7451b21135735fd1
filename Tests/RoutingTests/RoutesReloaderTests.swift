import Foundation
import Routing
import Testing

@Suite struct RoutesReloaderTests {
    static let original = """
        publish:
          dukcapil: [population.**]
        subscriptions:
          - id: deaths
            agency: kemensos
            adapter: bansos
            types: [population.death.registered]
        """

    private func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url, options: .atomic)
    }

    @Test func invalidFileIsRefusedWithItsLineAndTheOldRoutesStay() throws {
        let directory = try TemporaryDirectory()
        let file = directory.url.appendingPathComponent("routes.yaml")
        try write(Self.original, to: file)
        var reloader = try RoutesReloader(loader: RouteTableLoader(path: file.path, options: RoutesOptions(knownAgencies: ["dukcapil", "kemensos"])))
        let death = EventAttributes(type: "population.death.registered", sourceAgency: "dukcapil")
        #expect(reloader.current.subscriptions(matching: death).map(\.id) == ["deaths"])

        try write(Self.original + "\n    retyr: {max-attempts: 3}\n", to: file)
        guard case .refused(let error) = reloader.reload() else {
            Issue.record("an invalid file was accepted")
            return
        }
        #expect(error.reason == .unknownKey)
        #expect(error.line == 8)
        #expect(error.file == file.path)
        #expect(error.description.hasPrefix("\(file.path):8:5: subscription 'deaths': unknown key 'retyr'"))
        #expect(reloader.generation == 0)
        #expect(reloader.current.subscriptions(matching: death).map(\.id) == ["deaths"], "old routes stay in force")
        #expect(reloader.current.mayPublish(agency: "dukcapil", type: "population.death.registered"))
    }

    @Test func validFileReplacesTheRoutesAndReportsChanges() throws {
        let directory = try TemporaryDirectory()
        let file = directory.url.appendingPathComponent("routes.yaml")
        try write(Self.original, to: file)
        var reloader = try RoutesReloader(loader: RouteTableLoader(path: file.path))
        guard case .unchanged = reloader.reload() else {
            Issue.record("the same file counts as a change")
            return
        }

        let updated = Self.original.replacingOccurrences(of: "[population.death.registered]", with: "[population.**]") + """

              - id: moves
                agency: kemensos
                adapter: bansos
                types: [population.address.changed]
            """
        try write(updated.replacingOccurrences(of: "dukcapil: [population.**]", with: "dukcapil: [population.death.registered]"), to: file)
        guard case .reloaded(let table, let changes) = reloader.reload() else {
            Issue.record("a valid file was refused")
            return
        }
        #expect(changes.added == ["moves"])
        #expect(changes.removed.isEmpty)
        #expect(changes.modified == ["deaths"])
        #expect(changes.permissionsChanged)
        #expect(reloader.generation == 1)
        #expect(reloader.current == table)
        #expect(!table.mayPublish(agency: "dukcapil", type: "population.address.changed"))
        let move = EventAttributes(type: "population.address.changed", sourceAgency: "dukcapil")
        #expect(table.subscriptions(matching: move).map(\.id) == ["deaths", "moves"])
    }

    @Test func missingFileIsRefusedAndTheOldRoutesStay() throws {
        let directory = try TemporaryDirectory()
        let file = directory.url.appendingPathComponent("routes.yaml")
        try write(Self.original, to: file)
        var reloader = try RoutesReloader(loader: RouteTableLoader(path: file.path))
        try FileManager.default.removeItem(at: file)
        guard case .refused(let error) = reloader.reload() else {
            Issue.record("a missing file was accepted")
            return
        }
        #expect(error.reason == .unreadable)
        #expect(reloader.current.subscription(id: "deaths") != nil)
    }

    @Test func firstLoadMustSucceed() throws {
        let directory = try TemporaryDirectory()
        let file = directory.url.appendingPathComponent("routes.yaml")
        try write("publish: {}\nsubscriptions: [\n", to: file)
        #expect {
            _ = try RoutesReloader(loader: RouteTableLoader(path: file.path))
        } throws: { error in
            guard let error = error as? RoutesError else { return false }
            return error.reason == .syntax && error.line != nil
        }
    }

    @Test func oversizedFileIsRefusedBeforeReading() throws {
        let directory = try TemporaryDirectory()
        let file = directory.url.appendingPathComponent("routes.yaml")
        try write(Self.original + String(repeating: "\n# padding", count: 100), to: file)
        #expect {
            _ = try RouteTableLoader(path: file.path, options: RoutesOptions(maxFileBytes: 200)).load()
        } throws: { error in
            (error as? RoutesError)?.reason == .tooLarge
        }
    }

    @Test func adoptingALoadDoneElsewhereFallsBackTheSameWay() throws {
        let directory = try TemporaryDirectory()
        let file = directory.url.appendingPathComponent("routes.yaml")
        try write(Self.original, to: file)
        var reloader = try RoutesReloader(loader: RouteTableLoader(path: file.path))
        let invalid = Result { () throws(RoutesError) in try RouteTable(yaml: "publish: {}\nsubscriptions: 3\n") }
        guard case .refused(let error) = reloader.adopt(invalid) else {
            Issue.record("an invalid table was adopted")
            return
        }
        #expect(error.reason == .wrongType && error.line == 2)
        #expect(reloader.current.subscription(id: "deaths") != nil)
        guard case .reloaded(_, let changes) = reloader.adopt(.success(try RouteTable(yaml: "publish: {}\nsubscriptions: []\n"))) else {
            Issue.record("a valid table was refused")
            return
        }
        #expect(changes.removed == ["deaths"])
        #expect(reloader.current.subscriptions.isEmpty)
    }
}
