/**
 * Staff accounts and signing in: form login, Argon2id passwords under a password policy, lockout after failed
 * attempts, sessions in the database, roles with 三员 separation, and the security administrator's pages.
 */
@org.springframework.modulith.ApplicationModule
package cn.shouhu.accounts;
