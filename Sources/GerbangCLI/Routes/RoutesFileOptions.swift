import ArgumentParser
import Catalogue
import Foundation
import Routing
import Trust

/// The options every `gerbang routes` subcommand shares: the routes file and what it is checked
/// against (the agencies and the catalogue), as `gerbangd` checks it.
struct RoutesFileOptions: ParsableArguments {
    @Option(help: "The routes file.")
    var routes = RouteTableLoader.defaultPath

    @Option(help: "The agencies file; every agency the routes name must be in it. Pass an empty string to skip the check.")
    var agencies = AgencyDirectory.defaultPath

    @Option(help: "The schema directory; every type glob must match one of its types. Pass an empty string to skip the check.")
    var schemas = "Config/schemas"

    /// Loads and checks the routes; on failure prints the reason to stderr and exits with
    /// status 1 (invalid routes) or 2 (the agencies or catalogue cannot be loaded).
    func load(command: String) throws -> RouteTable {
        var options = RoutesOptions()
        if !agencies.isEmpty {
            do {
                options.knownAgencies = Set(try AgencyDirectory(contentsOf: URL(fileURLWithPath: agencies)).agencies.keys)
            } catch {
                Self.printError(command, "\(agencies): \(error)")
                throw ExitCode(2)
            }
        }
        if !schemas.isEmpty {
            do {
                options.knownTypes = Set(try SchemaRegistry(directory: schemas).types)
            } catch {
                Self.printError(command, "\(schemas): \(error.description)")
                throw ExitCode(2)
            }
        }
        do {
            return try RouteTableLoader(path: routes, options: options).load()
        } catch {
            FileHandle.standardError.write(Data("\(error.description)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// Writes `gerbang <command>: <message>` and a newline to standard error.
    static func printError(_ command: String, _ message: String) {
        FileHandle.standardError.write(Data("gerbang \(command): \(message)\n".utf8))
    }
}
