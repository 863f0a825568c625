package io.protoguard.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The protocol a user last checked a workbook against, kept in a cookie of this browser, so the upload form
 * preselects it next time; on a first visit nothing is preselected (no silent alphabetical default).
 */
final class LastProtocol {
    static final String COOKIE = "protoguard-protocol";

    private LastProtocol() {}

    static String of(HttpServletRequest request) {
        if (request.getCookies() == null) return null;
        for (Cookie c : request.getCookies()) {
            if (COOKIE.equals(c.getName()) && c.getValue().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) return c.getValue();
        }
        return null;
    }

    static void remember(HttpServletResponse response, String protocolId) {
        if (protocolId == null || !protocolId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) return;
        Cookie c = new Cookie(COOKIE, protocolId);
        c.setPath("/");
        c.setHttpOnly(true);
        c.setMaxAge(365 * 24 * 3600);
        c.setAttribute("SameSite", "Lax");
        response.addCookie(c);
    }
}
