/**
 * Open311 GeoReport v2 under {@code /open311/v2}: third-party apps, each with an api_key an administrator issued,
 * file matters and follow the ones they filed, without ever reading a citizen's personal data.
 */
@org.springframework.modulith.ApplicationModule
package cn.shouhu.open311;
