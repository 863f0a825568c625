package io.protoguard.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /v3/api-docs (Swagger UI at /swagger-ui.html): HTTP basic on every call. */
@Configuration
public class OpenApiConfig {
    @Bean
    public OpenAPI protoguardApi() {
        return new OpenAPI()
                .info(new Info().title("protoguard API").version("1")
                        .description("Upload clinical-trial data workbooks, check them against a protocol's decision tables, "
                                + "and read the protocol deviations. Errors are RFC 9457 problem details. "
                                + "Roles: MONITOR (upload, read), AUTHOR (also protocols), ADMIN (also users)."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
