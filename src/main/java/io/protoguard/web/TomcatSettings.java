package io.protoguard.web;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat answers a path with an encoded slash (%2F) itself, with its own HTML page. Passed through instead, the path
 * reaches Spring Security's firewall, which still refuses it (400), and the answer goes through {@link ErrorPages}:
 * problem+json in words under /api.
 */
@Component
public class TomcatSettings implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
    }
}
