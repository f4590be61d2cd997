// askBuild board: 'mono-gateway' -- a whole Jenkinsfile for one board.
//
// The ask-build plugin contributes this file as the global variable askBuild (its copy at the root
// of the plugin jar); a shared library's vars/ may hold the same text. Stages Verify, Sysroot,
// Kernel, Compile, Check, Archive on an agent. askEngine puts the plugin's engine jar on the agent
// and has the engine check the board, target, components and stages and plan the stages: nothing
// here repeats the engine's rules or lists. The long stages (sysroot, kernel, compile) are plain
// `sh` steps running that jar, which Jenkins itself keeps running across a controller restart and
// an agent reconnect, and stops (the process group, SIGTERM) on abort; verify and check are the
// plugin's short Java steps, which put the summary on the build page. Secret files come from
// withCredentials([file(...)]) and reach the engine as paths; every value reaches `sh` through
// withEnv as "$VAR", never interpolated into a shell line. Docker mode runs the engine's own
// `docker` command from the same jar: its Dockerfile and context travel inside it.
// properties (the nightly trigger), junit and checkout scm are used when Jenkins has them. The
// check compares with the job's last successful build: askBaseline copies that build's archived
// reports (Jenkins core's artifact API) into the workspace, and askCheck passes them to the engine's
// --baseline, so the build page says "no ABI change since #N" or lists the breaks first;
// failOnAbiChange: true makes a break fail the build.

import groovy.transform.Field

@Field static final String NIGHTLY = 'H 2 * * *'
/** Option name to the type its value must have; the values themselves are the engine's to judge. */
@Field static final Map OPTIONS = [
  board: String, packages: String, out: String, cache: String, agent: String, docker: Boolean, image: String,
  signatureCredentialsId: String, keyringCredentialsId: String, privateTarballs: List,
  target: String, components: Object, stages: Object, epoch: Number, jobs: Number, nightly: Object, checkout: Boolean,
  failOnAbiChange: Boolean,
]
/** The stage steps askBuild runs, by the engine's stage names, with their titles. */
@Field static final Map TITLES = [verify: 'Verify', sysroot: 'Sysroot', kernel: 'Kernel', compile: 'Compile', check: 'Check']

def call(Map args = [:]) {
  Map cfg = configure(args)
  node(cfg.agent) {
    Throwable failure = null
    Map engine = [steps: []]
    try {
      if (cfg.checkout == true || (cfg.checkout == null && hasScm())) {
        checkout scm
      }
      engine = askEngine(planArgs(cfg))
      nightly(cfg, engine)
      withEnv(engineEnv(cfg, engine)) {
        withSecrets(cfg) {
          if (cfg.docker) {
            stage('Docker build') {
              sh dockerLine(cfg)
            }
          } else {
            for (String name : engine.stages) {
              stage(TITLES[name]) {
                runStage(cfg, name)
              }
            }
          }
        }
      }
    } catch (Throwable t) {
      failure = t
    }
    // Reports are archived and the checks recorded whatever failed: a failing check is exactly
    // when they are needed.
    stage('Archive') {
      archiveArtifacts artifacts: "${cfg.out}/dist/**, ${cfg.out}/reports/**", fingerprint: true, allowEmptyArchive: true
      if (engine.steps.contains('junit')) {
        junit testResults: "${cfg.out}/reports/checks.xml", allowEmptyResults: true
      } else {
        echo "askBuild: ${cfg.out}/reports/checks.xml not published: the junit plugin is not installed"
      }
    }
    if (failure != null) {
      throw failure
    }
  }
}

/** Checks each option's name and type before anything runs; returns them with askBuild's defaults. */
Map configure(Map args) {
  for (String key : args.keySet()) {
    if (!OPTIONS.containsKey(key)) {
      error("askBuild: unknown parameter '${key}'; askBuild takes ${OPTIONS.keySet().join(', ')}")
    }
    Object value = args[key]
    Class type = OPTIONS[key]
    if (value != null && !type.isInstance(value)) {
      error("askBuild: parameter '${key}' must be a ${type.simpleName}, got ${value.getClass().simpleName}")
    }
  }
  if (!args.board) {
    error("askBuild: parameter 'board' is required, e.g. askBuild board: 'mono-gateway'")
  }
  String out = args.out ?: 'askbuild-out'
  // askBuild's own rule: the Archive stage archives it from the workspace.
  if (out.startsWith('/') || out.split('/').contains('..')) {
    error("askBuild: parameter 'out' must be a path inside the workspace, got '${out}'")
  }
  for (String key : ['epoch', 'jobs']) {
    if (args[key] != null && args[key] != Math.floor(args[key])) {
      error("askBuild: parameter '${key}' must be a whole number, got ${args[key]}")
    }
  }
  if ((args.signatureCredentialsId == null) != (args.keyringCredentialsId == null)) {
    error("askBuild: parameters 'signatureCredentialsId' and 'keyringCredentialsId' go together")
  }
  List tarballs = args.privateTarballs ?: []
  for (int i = 0; i < tarballs.size(); i++) {
    Object t = tarballs[i]
    if (!(t instanceof Map) || !(t.credentialsId instanceof String) || !(t.name instanceof String)
        || t.keySet().any { it != 'credentialsId' && it != 'name' } || t.name.contains('/') || t.name.contains('=')) {
      error("askBuild: parameter 'privateTarballs[${i}]' must be [credentialsId: 'id', name: 'file name in SHA256SUMS']")
    }
  }
  if (args.docker == true) {
    // askbuild docker runs every stage of a dist build in one BuildKit build, at the board's epoch.
    for (String key : ['signatureCredentialsId', 'stages', 'epoch', 'target', 'jobs', 'cache', 'failOnAbiChange']) {
      if (args[key] != null) {
        error("askBuild: parameter '${key}' is not available in docker mode (askbuild docker builds every stage of a dist build)")
      }
    }
  }
  Object nightly = args.containsKey('nightly') ? args.nightly : NIGHTLY
  if (nightly == true) {
    nightly = NIGHTLY
  }
  if (!(nightly == false || nightly == null || nightly == '' || nightly instanceof String)) {
    error("askBuild: parameter 'nightly' must be a cron spec or false, got ${nightly}")
  }
  return [
    board: args.board, packages: args.packages, out: out, cache: args.cache, agent: args.agent ?: '',
    docker: args.docker == true, image: args.image ?: "askbuild-builder:${args.board}",
    signatureCredentialsId: args.signatureCredentialsId, keyringCredentialsId: args.keyringCredentialsId,
    privateTarballs: tarballs, target: args.target ?: 'dist', components: listText(args.components, 'components'),
    stages: listText(args.stages, 'stages'), epoch: args.epoch, jobs: args.jobs,
    nightly: nightly ?: null, nightlyGiven: args.containsKey('nightly'), checkout: args.checkout,
    failOnAbiChange: args.failOnAbiChange == true,
  ]
}

/** A list of names (['cdx', 'fci']) or the engine's comma-separated form ('cdx,fci'); null when not given. */
String listText(Object value, String key) {
  if (value == null) {
    return null
  }
  if (value instanceof List) {
    if (value.any { !(it instanceof CharSequence) }) {
      error("askBuild: parameter '${key}' must be a comma-separated string or a list of strings, got ${value}")
    }
    return value.join(',')
  }
  if (value instanceof CharSequence) {
    return value.toString().trim() ?: null
  }
  error("askBuild: parameter '${key}' must be a comma-separated string or a list of strings, got ${value.getClass().simpleName}")
}

/** Whether this job's Jenkinsfile came from an SCM ('checkout scm' needs one). */
boolean hasScm() {
  try {
    return scm != null
  } catch (Exception e) {
    return false
  }
}

/** What askEngine asks the engine about. */
Map planArgs(Map cfg) {
  Map plan = [board: cfg.board, target: cfg.target]
  if (cfg.components) {
    plan.components = cfg.components
  }
  if (cfg.stages) {
    plan.stages = cfg.stages
  }
  return plan
}

/** The trigger is the job's property: the default schedules a nightly run, false removes it. */
void nightly(Map cfg, Map engine) {
  if (engine.steps.contains('properties')) {
    properties([pipelineTriggers(cfg.nightly ? [cron(cfg.nightly)] : [])])
  } else if (cfg.nightlyGiven && cfg.nightly) {
    error("askBuild: parameter 'nightly' needs the properties step (plugin workflow-multibranch), which this Jenkins lacks")
  } else if (cfg.nightly) {
    echo 'askBuild: no nightly trigger set: the properties step (plugin workflow-multibranch) is not installed'
  }
}

/** The values the shell lines read as "$ASKBUILD_..."; the Java steps get theirs as parameters. */
List engineEnv(Map cfg, Map engine) {
  List env = [
    "ASKBUILD_JAVA=${engine.java}", "ASKBUILD_JAR=${engine.jar}",
    "ASKBUILD_BOARD=${cfg.board}", "ASKBUILD_OUT=${cfg.out}", "ASKBUILD_TARGET=${cfg.target}",
    "ASKBUILD_IMAGE=${cfg.image}",
  ]
  if (cfg.packages) {
    env << "ASKBUILD_PACKAGES=${cfg.packages}"
  }
  if (cfg.cache) {
    env << "ASKBUILD_CACHE=${cfg.cache}"
  }
  if (cfg.epoch != null) {
    env << "ASKBUILD_EPOCH=${cfg.epoch as long}"
  }
  if (cfg.jobs != null) {
    env << "ASKBUILD_JOBS=${cfg.jobs as long}"
  }
  if (cfg.components) {
    env << "ASKBUILD_COMPONENTS=${cfg.components}"
  }
  for (int i = 0; i < cfg.privateTarballs.size(); i++) {
    env << "ASKBUILD_PRIVATE_NAME_${i}=${cfg.privateTarballs[i].name}"
  }
  return env
}

/**
 * The run's secret files bound around its stages by credentials-binding: written under the
 * workspace's temporary directory, masked in the log, removed when the body ends however it ends.
 */
void withSecrets(Map cfg, Closure body) {
  List bindings = []
  if (cfg.signatureCredentialsId) {
    bindings << file(credentialsId: cfg.signatureCredentialsId, variable: 'ASKBUILD_SIGNATURE')
    bindings << file(credentialsId: cfg.keyringCredentialsId, variable: 'ASKBUILD_KEYRING')
  }
  for (int i = 0; i < cfg.privateTarballs.size(); i++) {
    bindings << file(credentialsId: cfg.privateTarballs[i].credentialsId, variable: "ASKBUILD_PRIVATE_${i}")
  }
  if (bindings) {
    withCredentials(bindings) {
      body()
    }
  } else {
    body()
  }
}

void runStage(Map cfg, String name) {
  Map common = [board: cfg.board, out: cfg.out, target: cfg.target]
  if (cfg.components) {
    common.components = cfg.components
  }
  switch (name) {
    case 'verify':
      Map verify = common + [:]
      if (cfg.packages) {
        verify.packages = cfg.packages
      }
      if (cfg.cache) {
        verify.cache = cfg.cache
      }
      if (cfg.epoch != null) {
        verify.epoch = cfg.epoch as long
      }
      if (cfg.signatureCredentialsId) {
        // Paths of the bound files, as plain strings (no interpolation of a secret's path).
        verify.signature = env.ASKBUILD_SIGNATURE
        verify.keyring = env.ASKBUILD_KEYRING
      }
      if (cfg.privateTarballs) {
        verify.privateFiles = privateFiles(cfg)
      }
      askVerify(verify)
      break
    case 'check':
      Map check = common + [:]
      // The last successful build's archived reports, copied into the workspace; null when there is none.
      Map baseline = askBaseline(reports: "${cfg.out}/reports".toString())
      if (baseline) {
        check.baseline = baseline.dir
        check.baselineBuild = baseline.build
      }
      if (cfg.failOnAbiChange) {
        check.failOnAbiChange = true
      }
      askCheck(check)
      break
    default:
      sh stageLine(cfg, name)
      break
  }
}

/** NAME=FILE for each private tarball, one a line (the engine's --private), from the bound paths. */
String privateFiles(Map cfg) {
  List files = []
  for (int i = 0; i < cfg.privateTarballs.size(); i++) {
    files << (cfg.privateTarballs[i].name + '=' + env[('ASKBUILD_PRIVATE_' + i)])
  }
  return files.join('\n')
}

/**
 * A long stage's shell line: the engine jar run by the agent's Java, every value a variable
 * ("$VAR" or ${VAR:+...} for an optional one); exec, so the engine is the process the durable task
 * watches and the one an abort signals.
 */
String stageLine(Map cfg, String name) {
  String line = 'exec "$ASKBUILD_JAVA" -jar "$ASKBUILD_JAR" ' + name +
      ' --board "$ASKBUILD_BOARD" --out "$ASKBUILD_OUT" --target "$ASKBUILD_TARGET"' +
      ' ${ASKBUILD_PACKAGES:+--packages "$ASKBUILD_PACKAGES"} ${ASKBUILD_CACHE:+--cache "$ASKBUILD_CACHE"}' +
      ' ${ASKBUILD_EPOCH:+--epoch "$ASKBUILD_EPOCH"} ${ASKBUILD_COMPONENTS:+--components "$ASKBUILD_COMPONENTS"}'
  if (name == 'kernel' || name == 'compile') {
    line += ' ${ASKBUILD_JOBS:+--jobs "$ASKBUILD_JOBS"}'
  }
  for (int i = 0; i < cfg.privateTarballs.size(); i++) {
    line += " --private \"\$ASKBUILD_PRIVATE_NAME_${i}=\$ASKBUILD_PRIVATE_${i}\""
  }
  return line
}

/**
 * Docker mode: the engine's `docker` command, which stages its own context from the jar (the
 * Dockerfile and the engine travel inside it) and runs the stages in one BuildKit build; private
 * tarballs are BuildKit secrets (never build arguments).
 */
String dockerLine(Map cfg) {
  String line = 'exec "$ASKBUILD_JAVA" -jar "$ASKBUILD_JAR" docker --board "$ASKBUILD_BOARD" --out "$ASKBUILD_OUT"' +
      ' ${ASKBUILD_PACKAGES:+--packages "$ASKBUILD_PACKAGES"} --image "$ASKBUILD_IMAGE"' +
      ' ${ASKBUILD_COMPONENTS:+--components "$ASKBUILD_COMPONENTS"}'
  for (int i = 0; i < cfg.privateTarballs.size(); i++) {
    line += " --secret \"\$ASKBUILD_PRIVATE_NAME_${i}=\$ASKBUILD_PRIVATE_${i}\""
  }
  return line
}
