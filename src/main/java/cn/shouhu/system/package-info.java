/**
 * The UI shell and web plumbing: layout, home page, language, error pages and the mapping of domain
 * exceptions to clear Chinese messages; an unreachable database answers 503 with Retry-After.
 */
@org.springframework.modulith.ApplicationModule
package cn.shouhu.system;
