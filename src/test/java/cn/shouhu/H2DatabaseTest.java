package cn.shouhu;

/** The database contract on the embedded H2 (PostgreSQL mode). */
class H2DatabaseTest extends DatabaseContractTests {
}
