/**
 * The branch's organisation: the unit tree (branch, offices, brigades, stations, teams, external agencies),
 * each station's jurisdiction, and the officers, with their import and export.
 */
@org.springframework.modulith.ApplicationModule
package cn.shouhu.organization;
