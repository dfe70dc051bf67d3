/**
 * How the portal is served: its own security filter chain, its upload limits and its error pages.
 */
package cn.shouhu.portal.internal;
