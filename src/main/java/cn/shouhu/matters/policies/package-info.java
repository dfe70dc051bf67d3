/** The administrator's pages for the time-limit policy (办理时限) and the category dictionary (业务类别). */
package cn.shouhu.matters.policies;
