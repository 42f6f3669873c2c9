package uk.placements.app.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web client is static: pages under {@code static/}, GOV.UK Frontend from its WebJar. Its compiled stylesheet
 * asks for fonts and images at {@code /assets/...}, so that path serves the WebJar's assets folder.
 */
@Configuration(proxyBeanMethods = false)
public class WebClientResources implements WebMvcConfigurer {

    static final String GOVUK_ASSETS = "classpath:/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/assets/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**").addResourceLocations(GOVUK_ASSETS);
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/index.html");
    }
}
