package io.protoguard.risk;

/** One site's numerator and denominator on one KRI (subjects, expected assessments, or days on study). */
public record SiteCount(String site, double numerator, double denominator) {}
