/** The download of a matter's attachment, for staff who can see the matter. */
package cn.shouhu.matters.attachments.web;
