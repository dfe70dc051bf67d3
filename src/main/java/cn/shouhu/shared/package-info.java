/**
 * The shared kernel: the signed-in staff member, roles, data scope, personal-data masking and the domain
 * exceptions every module throws. Every module may use it; it uses none of them.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.shouhu.shared;
