// A small Pipeline harness, in the way of JenkinsPipelineUnit: vars/askBuild.groovy runs on plain
// Groovy with every Pipeline step bound to a recorder. Each call is recorded as
// [step, arguments, environment at the call]; bodies (stage, node, withEnv, withCredentials) run.
// A step listed in `failing` throws as the real step would; withCredentials binds each file
// credential to a path whose file holds the secret, as credentials-binding does. askEngine answers
// with the real engine's plan (dev.askbuild.jenkins.plan.StagePlan), as the plugin's step does on
// the agent; `available` is which optional steps (properties, junit) this Jenkins has, `scm`
// whether the job came from an SCM.

class PipelineHarness {
  List<Map> calls = []
  Map<String, String> failing = [:]
  Map<String, String> secrets = [:]
  Map<String, String> env = [WORKSPACE: '/agent/workspace/job', PATH: '/usr/bin:/bin']
  File secretDir
  List<String> available = ['properties', 'junit']
  boolean scm = true
  /** What askBaseline answers: null (no earlier successful build) or [dir:, build:]. */
  Map baseline = null

  static class PipelineError extends RuntimeException {
    PipelineError(String message) { super(message) }
  }

  /** GStrings become Strings, as Pipeline's step argument binding makes them. */
  static Object plain(Object o) {
    if (o instanceof GString) return o.toString()
    if (o instanceof Map) return o.collectEntries { k, v -> [(plain(k)): plain(v)] }
    if (o instanceof List) return o.collect { plain(it) }
    return o
  }

  private void record(String step, Object args) {
    calls << [step: step, args: plain(args), env: new LinkedHashMap(env)]
    if (failing.containsKey(step)) {
      throw new PipelineError(failing[step])
    }
  }

  Object run(File pipeline, Map args) {
    Binding b = new Binding()
    def h = this
    b.setVariable('env', env)
    if (scm) {
      b.setVariable('scm', [type: 'git'])
    }
    b.setVariable('echo', { String line -> h.record('echo', line) })
    b.setVariable('askEngine', { Map a ->
      h.record('askEngine', a)
      List stages
      try {
        stages = dev.askbuild.jenkins.plan.StagePlan.plan(a.board, a.target, a.components, a.stages)
      } catch (dev.askbuild.core.AskBuildException e) {
        throw new PipelineError('askBuild: error: ' + e.message)
      }
      [java: '/usr/lib/jvm/java-21/bin/java', jar: '/agent/askbuild-engine/0a1b/askbuild.jar', stages: stages,
       steps: new ArrayList(h.available)]
    })
    b.setVariable('stage', { String name, Closure body -> h.record('stage', name); body() })
    b.setVariable('node', { String label, Closure body -> h.record('node', label); body() })
    b.setVariable('checkout', { Object scm -> h.record('checkout', scm) })
    b.setVariable('properties', { List props -> h.record('properties', props) })
    b.setVariable('pipelineTriggers', { List triggers -> [pipelineTriggers: triggers] })
    b.setVariable('cron', { String spec -> [cron: spec] })
    b.setVariable('error', { String message -> h.record('error', message); throw new PipelineError(message) })
    b.setVariable('sh', { Object line ->
      h.record('sh', line)
      // 'sh:kernel' fails the shell step that runs the engine's kernel command.
      def f = h.failing.find { k, v -> k.startsWith('sh:') && line.toString().contains('"$ASKBUILD_JAR" ' + k.substring(3) + ' ') }
      if (f != null) {
        throw new PipelineError(f.value)
      }
    })
    b.setVariable('archiveArtifacts', { Map a -> h.record('archiveArtifacts', a) })
    b.setVariable('junit', { Map a -> h.record('junit', a) })
    b.setVariable('file', { Map a -> [file: a] })
    b.setVariable('withEnv', { List vars, Closure body ->
      h.record('withEnv', vars)
      Map saved = new LinkedHashMap(h.env)
      vars.each { String v -> int i = v.indexOf('='); h.env[v.substring(0, i)] = v.substring(i + 1).toString() }
      try { body() } finally { h.env.clear(); h.env.putAll(saved) }
    })
    b.setVariable('withCredentials', { List bindings, Closure body ->
      h.record('withCredentials', bindings)
      Map saved = new LinkedHashMap(h.env)
      bindings.each { Map binding ->
        Map f = binding.file
        File secret = new File(h.secretDir, UUID.randomUUID().toString())
        secret.text = h.secrets[f.credentialsId]
        h.env[f.variable] = secret.path
      }
      try { body() } finally { h.env.clear(); h.env.putAll(saved) }
    })
    b.setVariable('askBaseline', { Map a -> h.record('askBaseline', a); h.baseline })
    ['askVerify', 'askCheck'].each { String name ->
      b.setVariable(name, { Map a -> h.record(name, a); [status: 'ok', exitCode: 0] })
    }
    Script s = new GroovyShell(this.class.classLoader, b).parse(pipeline)
    return s.invokeMethod('call', args)
  }
}
