// askBuild board: 'mono-gateway' -- a whole Jenkinsfile for one board.
//
// Stages Verify, Sysroot, Kernel, Compile, Check, Archive on an agent, with a nightly trigger.
// Native mode drives the plugin's steps (askVerify ... askCheck; the long ones are durable tasks
// that survive a controller restart). Docker mode runs `bin/askbuild docker` from the workspace (a
// checkout of ask-build): the same engine stages in one BuildKit build of docker/Dockerfile, private
// tarballs as BuildKit secrets. Every value reaches `sh` through withEnv as "$VAR", never interpolated into
// a shell line; credentials are ids here and files on the agent, never values in an argument.
// Every option is validated before any stage runs, naming the option at fault. Every step is given
// the same target and components: each stage records them and refuses another run's state.

import groovy.transform.Field

@Field static final List BOARDS = ['demo', 'mono-gateway']
@Field static final List STAGES = ['verify', 'sysroot', 'kernel', 'compile', 'check']
@Field static final List TARGETS = ['userspace', 'modules', 'dist']
/** Component names as the boards' compile plans spell them. */
@Field static final String COMPONENT = '[A-Za-z0-9_]+'
@Field static final String NIGHTLY = 'H 2 * * *'
/** Option name to the type its value must have. */
@Field static final Map OPTIONS = [
  board: String, packages: String, out: String, agent: String, docker: Boolean, image: String,
  signatureCredentialsId: String, keyringCredentialsId: String, privateTarballs: List,
  target: String, components: Object, stages: Object, epoch: Number, nightly: Object, checkout: Boolean,
]

def call(Map args = [:]) {
  Map cfg = configure(args)
  // The trigger is the job's property: the default schedules a nightly run, false removes it.
  properties([pipelineTriggers(cfg.nightly ? [cron(cfg.nightly)] : [])])
  node(cfg.agent) {
    Throwable failure = null
    try {
      if (cfg.checkout) {
        checkout scm
      }
      withEnv(engineEnv(cfg)) {
        if (cfg.docker) {
          stage('Docker build') {
            inDocker(cfg)
          }
        } else {
          runStage(cfg, 'verify', 'Verify')
          runStage(cfg, 'sysroot', 'Sysroot')
          runStage(cfg, 'kernel', 'Kernel')
          runStage(cfg, 'compile', 'Compile')
          runStage(cfg, 'check', 'Check')
        }
      }
    } catch (Throwable t) {
      failure = t
    }
    // Reports are archived and the checks recorded whatever failed: a failing check is exactly
    // when they are needed.
    stage('Archive') {
      archiveArtifacts artifacts: "${cfg.out}/dist/**, ${cfg.out}/reports/**", fingerprint: true, allowEmptyArchive: true
      junit testResults: "${cfg.out}/reports/checks.xml", allowEmptyResults: true
    }
    if (failure != null) {
      throw failure
    }
  }
}

/** Validates every option before any stage; returns them with defaults filled in. */
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
  if (!BOARDS.contains(args.board)) {
    error("askBuild: parameter 'board' names no known board: '${args.board}'; known boards: ${BOARDS.join(', ')}")
  }
  if (args.board != 'demo' && !args.packages) {
    error("askBuild: parameter 'packages' is required for board ${args.board} (only the demo board makes its own inputs)")
  }
  String out = args.out ?: 'askbuild-out'
  if (out.startsWith('/') || out.split('/').contains('..')) {
    error("askBuild: parameter 'out' must be a path inside the workspace, got '${out}'")
  }
  String target = args.target ?: 'dist'
  if (!TARGETS.contains(target)) {
    error("askBuild: parameter 'target' must be one of ${TARGETS.join(', ')}; got '${target}'")
  }
  String components = componentList(args.components)
  List stages = stageList(args.stages, target)
  if (args.epoch != null && (args.epoch < 0 || args.epoch != Math.floor(args.epoch))) {
    error("askBuild: parameter 'epoch' must be a whole number of seconds, got ${args.epoch}")
  }
  if ((args.signatureCredentialsId == null) != (args.keyringCredentialsId == null)) {
    error("askBuild: parameters 'signatureCredentialsId' and 'keyringCredentialsId' go together")
  }
  List tarballs = args.privateTarballs ?: []
  for (int i = 0; i < tarballs.size(); i++) {
    Object t = tarballs[i]
    if (!(t instanceof Map) || !(t.credentialsId instanceof String) || !(t.name instanceof String)
        || t.keySet().any { it != 'credentialsId' && it != 'name' } || t.name.contains('/')) {
      error("askBuild: parameter 'privateTarballs[${i}]' must be [credentialsId: 'id', name: 'file name in SHA256SUMS']")
    }
  }
  if (args.docker == true) {
    // askbuild docker runs every stage of a dist build in one BuildKit build, at the board's epoch.
    for (String key : ['signatureCredentialsId', 'stages', 'epoch']) {
      if (args[key] != null) {
        error("askBuild: parameter '${key}' is not available in docker mode (askbuild docker builds every stage of a dist build)")
      }
    }
    if (target != 'dist') {
      // The Dockerfile's compile and check stages build against its kernel stage.
      error("askBuild: parameter 'target' must be dist in docker mode, got '${target}'")
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
    board: args.board, packages: args.packages, out: out, agent: args.agent ?: '',
    docker: args.docker == true, image: args.image ?: "askbuild-builder:${args.board}",
    signatureCredentialsId: args.signatureCredentialsId, keyringCredentialsId: args.keyringCredentialsId,
    privateTarballs: tarballs, target: target, components: components, stages: stages, epoch: args.epoch,
    nightly: nightly ?: null, checkout: args.checkout != false,
  ]
}

/**
 * The stages to run, as the engine plans a build of the target: a userspace build has no kernel
 * stage (all stages skip it; a subset naming it is refused, not silently cut).
 */
List stageList(Object stages, String target) {
  List names = STAGES
  if (stages != null) {
    names = stages instanceof String ? stages.split(',').collect { it.trim() } : stages
    if (!(names instanceof List)) {
      error("askBuild: parameter 'stages' must be a list or a comma-separated string")
    }
    for (Object name : names) {
      if (!STAGES.contains(name)) {
        error("askBuild: parameter 'stages' names an unknown stage '${name}'; known: ${STAGES.join(', ')}")
      }
    }
  }
  if (target == 'userspace') {
    if (names.contains('kernel') && !names.containsAll(STAGES)) {
      error("askBuild: parameter 'stages' names kernel, but the userspace target builds without a kernel")
    }
    names = names.findAll { it != 'kernel' }
  }
  return names
}

/**
 * The components as every step takes them: a comma-separated string ('cdx,fci') or a list of names
 * (['cdx', 'fci']), each of letters, digits and '_'; '' when not given (all of the target's).
 */
String componentList(Object components) {
  if (components == null) {
    return ''
  }
  String list
  if (components instanceof List) {
    if (components.any { !(it instanceof CharSequence) }) {
      error("askBuild: parameter 'components' must be a comma-separated string or a list of strings, got ${components}")
    }
    list = components.join(',')
  } else if (components instanceof CharSequence) {
    list = components.toString().trim()
  } else {
    error("askBuild: parameter 'components' must be a comma-separated string or a list of strings, got ${components.getClass().simpleName}")
  }
  if (list != '' && !(list ==~ "${COMPONENT}(,${COMPONENT})*")) {
    error("askBuild: parameter 'components' must be component names (${COMPONENT}) separated by commas without spaces, e.g. 'libfci,cmm'; got '${list}'")
  }
  return list
}

/** The values docker mode's shell lines read as "$ASKBUILD_..." (native mode passes them to steps). */
List engineEnv(Map cfg) {
  List env = [
    "ASKBUILD_BOARD=${cfg.board}", "ASKBUILD_OUT=${cfg.out}", "ASKBUILD_TARGET=${cfg.target}",
    "ASKBUILD_IMAGE=${cfg.image}",
  ]
  if (cfg.packages) {
    env << "ASKBUILD_PACKAGES=${cfg.packages}"
  }
  if (cfg.epoch != null) {
    env << "ASKBUILD_EPOCH=${cfg.epoch as long}"
  }
  if (cfg.components) {
    env << "ASKBUILD_COMPONENTS=${cfg.components}"
  }
  return env
}

void runStage(Map cfg, String name, String title) {
  if (!cfg.stages.contains(name)) {
    return
  }
  stage(title) {
    nativeStep(cfg, name)
  }
}

/** The plugin's step for a stage, with the options it takes; every one gets the run's target and components. */
void nativeStep(Map cfg, String name) {
  Map common = [board: cfg.board, out: cfg.out, target: cfg.target]
  if (cfg.components) {
    common.components = cfg.components
  }
  Map inputs = common + [:]
  if (cfg.packages) {
    inputs.packages = cfg.packages
  }
  if (cfg.epoch != null) {
    inputs.epoch = cfg.epoch as long
  }
  if (cfg.privateTarballs) {
    inputs.privateTarballs = cfg.privateTarballs
  }
  switch (name) {
    case 'verify':
      Map verify = inputs + [:]
      if (cfg.signatureCredentialsId) {
        verify.signatureCredentialsId = cfg.signatureCredentialsId
        verify.keyringCredentialsId = cfg.keyringCredentialsId
      }
      askVerify(verify)
      break
    case 'sysroot':
      askSysroot(inputs)
      break
    case 'kernel':
      askKernel(inputs)
      break
    case 'compile':
      askCompile(inputs)
      break
    case 'check':
      askCheck(common)
      break
  }
}

/**
 * Docker mode: `askbuild docker` from the workspace, which stages its own context and runs the
 * engine's stages in one BuildKit build; private tarballs are bound as files by withCredentials and
 * passed as BuildKit secrets (never build arguments); the shell line only names variables.
 */
void inDocker(Map cfg) {
  List bindings = []
  List env = []
  List secrets = []
  for (int i = 0; i < cfg.privateTarballs.size(); i++) {
    bindings << file(credentialsId: cfg.privateTarballs[i].credentialsId, variable: "ASKBUILD_PRIVATE_${i}")
    env << "ASKBUILD_PRIVATE_NAME_${i}=${cfg.privateTarballs[i].name}"
    secrets << "--secret \"\$ASKBUILD_PRIVATE_NAME_${i}=\$ASKBUILD_PRIVATE_${i}\""
  }
  // Only fixed text and variable names: the values are in the environment.
  String line = 'bin/askbuild docker --board "$ASKBUILD_BOARD" --out "$ASKBUILD_OUT"' +
      ' ${ASKBUILD_PACKAGES:+--packages "$ASKBUILD_PACKAGES"} --image "$ASKBUILD_IMAGE"' +
      ' ${ASKBUILD_COMPONENTS:+--components "$ASKBUILD_COMPONENTS"}' +
      (secrets ? ' ' + secrets.join(' ') : '')
  withEnv(env) {
    withCredentials(bindings) {
      sh line
    }
  }
}
