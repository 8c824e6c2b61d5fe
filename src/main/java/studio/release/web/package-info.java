/**
 * The release screens and the JSON API, one read model per screen, each read in a fixed number of bounded queries:
 * <ul>
 *   <li>{@code /releases}: {@link studio.release.web.ReleaseDashboard}, read by {@link studio.release.web.ReleaseDashboardQuery}</li>
 *   <li>{@code /releases/{tag}} and its documents: {@link studio.release.web.ReleasePage}, read by
 *       {@link studio.release.web.ReleasePageQuery}; the documents' texts by {@link studio.release.web.ReleaseDocument}</li>
 *   <li>{@code /releases/history} and its CSV: {@link studio.release.web.ReleaseHistory}, read by
 *       {@link studio.release.web.ReleaseHistoryQuery}</li>
 *   <li>{@code /releases/analytics}: {@link studio.release.web.ReleaseAnalytics}, read by
 *       {@link studio.release.web.ReleaseAnalyticsQuery} and drawn by {@link studio.release.web.ReleaseCharts}</li>
 *   <li>{@code /api/releases...}: {@link studio.release.web.ReleaseApiJson}</li>
 * </ul>
 * They share {@link studio.release.web.ReleaseListing} (one release, a keyset page, or all that
 * {@link studio.release.web.ReleaseFilters} match), whose {@link studio.release.web.ReleaseView} is one release as
 * every screen shows it. {@link studio.release.web.Releases} and {@link studio.release.web.ReleasesApi} are the routes.
 */
package studio.release.web;
