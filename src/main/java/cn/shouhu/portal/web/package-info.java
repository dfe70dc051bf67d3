/**
 * The portal's pages: home with the service catalogue, the submission form and its receipt, the privacy notice,
 * and the staff page that edits the catalogue.
 */
package cn.shouhu.portal.web;
