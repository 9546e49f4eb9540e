import Vapor

func routes(_ app: Application) throws {
    try app.register(collection: SundhedController())
    try app.register(collection: OffentligController())
    try app.register(collection: APIController())
}
