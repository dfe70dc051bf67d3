/**
 * 网上警局: the public portal where citizens and enterprises, without an account, read the service catalogue and
 * submit help requests, enquiries, complaints, tip-offs, suggestions and praise as matters, and follow each to its
 * reply with its tracking code.
 */
@org.springframework.modulith.ApplicationModule
package cn.shouhu.portal;
