/**
 * The staff REST API of the closed loop under {@code /api/v1/matters}: JSON over HTTP Basic, on top of
 * {@link cn.shouhu.matters.MatterDesk}, with the same data scope and the submitter's personal data masked.
 */
package cn.shouhu.matters.api;
