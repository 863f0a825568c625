package io.protoguard.protocol;

/** The DRL Drools generated from one sheet's decision table, kept to map build errors back to cells. */
record CompiledTable(RuleTableSheet table, String resourcePath, String drl) {}
