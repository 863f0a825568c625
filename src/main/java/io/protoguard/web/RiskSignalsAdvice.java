package io.protoguard.web;

import io.protoguard.risk.RiskSignals;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The study page's "KRI signals" section: the sites red in the study's latest run with KRIs, those new since the run
 * before marked NEW. An advice rather than a change to NightlyPageController, so the two evolve apart; the page
 * itself has already checked the study is visible to the user (else it answers 404 and this is never shown).
 */
@ControllerAdvice(assignableTypes = NightlyPageController.class)
public class RiskSignalsAdvice {
    private final RiskSignals signals;

    public RiskSignalsAdvice(RiskSignals signals) {
        this.signals = signals;
    }

    public record Shown(RiskSignals.Signal signal, boolean isNew) {}

    @ModelAttribute("kriSignals")
    public List<Shown> kriSignals(HttpServletRequest request) {
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (!(vars instanceof Map<?, ?> map) || !"GET".equals(request.getMethod()) || !(map.get("id") instanceof String id)
                || !request.getRequestURI().endsWith("/studies/" + id)) {
            return List.of();
        }
        return signals.latestRun(id).map(run -> {
            List<RiskSignals.Signal> fresh = signals.newRed(id, run);
            return signals.red(id, run).stream().map(s -> new Shown(s, fresh.contains(s))).toList();
        }).orElse(List.of());
    }
}
