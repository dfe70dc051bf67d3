/**
 * The organisation's aggregates ({@link cn.shouhu.organization.internal.Unit},
 * {@link cn.shouhu.organization.internal.Officer}) and the application services that change and query them with
 * the staff member's data scope.
 */
package cn.shouhu.organization.internal;
