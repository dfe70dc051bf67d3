/**
 * The UI shell and web plumbing: layout, home page, language, error pages and the mapping of domain
 * exceptions to clear Chinese messages.
 */
@org.springframework.modulith.ApplicationModule
package cn.shouhu.system;
