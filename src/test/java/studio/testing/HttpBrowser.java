package studio.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Just enough of a browser to sign in through Keycloak's real login page without Chromium: follows redirects by
 * hand and keeps each host:port's cookies apart (the JDK's CookieManager would share "localhost" cookies across ports,
 * mixing Keycloak's with Studio's).
 */
public final class HttpBrowser {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Map<String, String>> jar = new ConcurrentHashMap<>();

    /** The cookies this browser holds for {@code authority} (host:port), by name. */
    public Map<String, String> cookies(String authority) {
        return Map.copyOf(jar.getOrDefault(authority, Map.of()));
    }

    /** GETs {@code uri} and follows redirects until a page, or until a redirect {@code stopAt} accepts. */
    public HttpResponse<String> get(URI uri, Predicate<URI> stopAt) {
        return browse("GET", uri, null, stopAt);
    }

    /**
     * On Keycloak's login page {@code page}, signs in as a demo user (password "demo") and follows the redirects
     * after it until a page or a redirect {@code stopAt} accepts.
     */
    public HttpResponse<String> signIn(HttpResponse<String> page, String user, Predicate<URI> stopAt) {
        Matcher form = LOGIN_FORM.matcher(page.body());
        if (!form.find()) throw new IllegalStateException("no Keycloak login form at " + page.uri() + ": " + page.statusCode());
        URI action = page.uri().resolve(form.group(1).replace("&amp;", "&"));
        return browse("POST", action, form(Map.of("username", user, "password", "demo", "credentialId", "")), stopAt);
    }

    public static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpResponse<String> browse(String method, URI uri, String body, Predicate<URI> stopAt) {
        for (int hop = 0; hop < 12; hop++) {
            HttpResponse<String> r = send(method, uri, body);
            String location = r.headers().firstValue("location").orElse(null);
            if (r.statusCode() / 100 != 3 || location == null) return r;
            URI next = uri.resolve(location);
            if (stopAt.test(next)) return r;
            uri = next;
            method = "GET";
            body = null;
        }
        throw new IllegalStateException("too many redirects at " + uri);
    }

    private HttpResponse<String> send(String method, URI uri, String body) {
        Map<String, String> cookies = jar.computeIfAbsent(uri.getAuthority(), k -> new ConcurrentHashMap<>());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        if ("POST".equals(method)) {
            b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            r.headers().allValues("set-cookie").forEach(set -> keep(cookies, set));
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void keep(Map<String, String> cookies, String setCookie) {
        String[] parts = setCookie.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0) return;
        String name = parts[0].substring(0, eq).trim();
        String value = parts[0].substring(eq + 1).trim();
        boolean expired = value.isEmpty();
        for (String attribute : parts) {
            String a = attribute.trim().toLowerCase();
            if (a.equals("max-age=0") || a.startsWith("max-age=-") || a.startsWith("expires=thu, 01 jan 1970")) expired = true;
        }
        if (expired) cookies.remove(name);
        else cookies.put(name, value);
    }
}
