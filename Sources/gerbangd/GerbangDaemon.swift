/// The `gerbangd` executable (seed; the broker issue fills it in).
@main
enum GerbangDaemon {
    static func main() {
        print("gerbangd: not yet implemented")
    }
}
