package dev.askbuild.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DotConfigTest {
  private final DotConfig config = DotConfig.parse("""
      #
      # Automatically generated file; DO NOT EDIT.
      #
      CONFIG_MODULES=y
      CONFIG_NF_NAT=m
      CONFIG_LOCALVERSION="-ask=1"
      CONFIG_NR_CPUS=4
      # CONFIG_MODVERSIONS is not set
      # CONFIG_ this is a comment
      CONFIG_=y
      """);

  @Test
  void setNotSetAndCommentsAreTold() {
    assertThat(config.enabled("CONFIG_MODULES")).isTrue();
    assertThat(config.enabled("CONFIG_NF_NAT")).isTrue();
    assertThat(config.enabled("CONFIG_NR_CPUS")).isFalse();
    assertThat(config.enabled("CONFIG_MODVERSIONS")).isFalse();
    assertThat(config.value("CONFIG_LOCALVERSION")).contains("\"-ask=1\"");
    assertThat(config.mentions("CONFIG_MODVERSIONS")).isTrue();
    assertThat(config.mentions("CONFIG_IPV6")).isFalse();
    assertThat(config.mentions("CONFIG_")).isFalse();
  }

  @Test
  void linesComeBackAsKconfigWritesThem() {
    assertThat(config.line("CONFIG_NF_NAT")).contains("CONFIG_NF_NAT=m");
    assertThat(config.line("CONFIG_MODVERSIONS")).contains("# CONFIG_MODVERSIONS is not set");
    assertThat(config.line("CONFIG_IPV6")).isEmpty();
  }
}
