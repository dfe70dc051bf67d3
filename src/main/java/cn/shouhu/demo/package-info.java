/**
 * The demo branch: the units of the source report (包头市公安局昆都仑区分局), fictional officers and one account
 * per role, loaded into an empty database when demo mode is on.
 */
@org.springframework.modulith.ApplicationModule
package cn.shouhu.demo;
