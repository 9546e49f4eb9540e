import Vapor

func routes(_ app: Application) throws {
    try app.register(collection: SundhedController())
    try app.register(collection: OffentligController())
    try app.register(collection: LedelsesinformationController())
    try app.register(collection: KapacitetController())
    try app.register(collection: AfdaekningController())
    try app.register(collection: NoegletalController())
    try app.register(collection: SammenligningController())
    try app.register(collection: KontraktController())
    try app.register(collection: SocialtilsynController())
    try app.register(collection: KontoController())
    try app.register(collection: IndberetningController())
    try app.register(collection: LedigePladserController())
    try app.register(collection: SekretariatController())
    try app.register(collection: TakstbilagController())
    try app.register(collection: KommentarrundeController())
    try app.register(collection: AdminController())
    try app.register(collection: APIController())
}
