/** The organisation's pages: the unit tree and unit pages, the officer list, forms, import and export. */
package cn.shouhu.organization.web;
