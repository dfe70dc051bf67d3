/**
 * The audit trail: an append-only, hash-chained record of every sign-in, every change in every module and
 * every permission denial, that only the auditor reads and anyone can verify.
 */
@org.springframework.modulith.ApplicationModule
package cn.shouhu.audit;
