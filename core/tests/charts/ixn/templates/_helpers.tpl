{{/* STAND-IN chart helpers (see Chart.yaml). */}}

{{/* ASSUMPTION (the portal's): workloads are named after the release. */}}
{{- define "ixn.stsName" -}}{{ .Release.Name }}-sts{{- end }}
{{- define "ixn.vqName" -}}{{ .Release.Name }}-vqnode-deploy{{- end }}

{{/* The Consul service names the guide's annotations include. */}}
{{- define "ixn.consulIxnServerName" -}}ixn-server-{{ .Values.tenant.sid }}{{- end }}
{{- define "ixn.consulIxnVQNodeName" -}}ixn-vqnode-{{ .Values.tenant.sid }}{{- end }}

{{/* The guide: the service account must be named ixn-server-… for Consul injection. */}}
{{- define "ixn.serverServiceAccount" -}}
{{- .Values.ixnService.ixnServer.serviceAccount.name | default (printf "ixn-server-%s" .Release.Name) -}}
{{- end }}
{{- define "ixn.vqServiceAccount" -}}
{{- .Values.ixnVQNode.serviceAccount.name | default (printf "ixn-vqnode-%s" .Release.Name) -}}
{{- end }}

{{- define "ixn.selector" -}}
app.kubernetes.io/name: ixn
app.kubernetes.io/instance: {{ .root.Release.Name | quote }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "ixn.labels" -}}
{{ include "ixn.selector" . }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service | quote }}
{{- end }}

{{/* registry/repository:tag, with the guide's repositories and the app version by default. */}}
{{- define "ixn.image" -}}
{{- $repo := .image.repository | default .repository -}}
{{- $tag := .image.tag | default .root.Chart.AppVersion -}}
{{- with .root.Values.image.registry }}{{ . }}/{{ end }}{{ $repo }}:{{ $tag }}
{{- end }}

{{- define "ixn.probes" -}}
livenessProbe:
  httpGet:
    path: {{ .path }}
    port: {{ .port }}
  initialDelaySeconds: {{ .probes.livenessProbe.initialDelaySeconds }}
  periodSeconds: {{ .probes.livenessProbe.periodSeconds }}
  timeoutSeconds: {{ .probes.livenessProbe.timeoutSeconds }}
  failureThreshold: {{ .probes.livenessProbe.failureThreshold }}
readinessProbe:
  httpGet:
    path: {{ .path }}
    port: {{ .port }}
  initialDelaySeconds: {{ .probes.readinessProbe.initialDelaySeconds }}
  periodSeconds: {{ .probes.readinessProbe.periodSeconds }}
  timeoutSeconds: {{ .probes.readinessProbe.timeoutSeconds }}
  failureThreshold: {{ .probes.readinessProbe.failureThreshold }}
{{- end }}

{{/* volumeMounts: a map of volume name to {readOnly, mountPath}, as the guide writes it. */}}
{{- define "ixn.volumeMounts" -}}
{{- range $name, $m := . }}
- name: {{ $name | quote }}
  mountPath: {{ $m.mountPath | quote }}
  readOnly: {{ $m.readOnly | default false }}
{{- end }}
{{- end }}

{{/* Pod-level fields both workloads share. */}}
{{- define "ixn.podCommon" -}}
{{- with .root.Values.image.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .pod.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .pod.priorityClassName }}
priorityClassName: {{ . | quote }}
{{- end }}
{{- with .pod.securityContext }}
securityContext:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/* Pod metadata: podLabels, the pod's labels, podAnnotations, and the pod's annotations (a template). */}}
{{- define "ixn.podMeta" -}}
labels:
  {{- include "ixn.selector" . | nindent 2 }}
  {{- with .root.Values.podLabels }}{{ toYaml . | nindent 2 }}{{ end }}
  {{- with .pod.labels }}{{ toYaml . | nindent 2 }}{{ end }}
{{- if or .root.Values.podAnnotations .pod.annotations }}
annotations:
  {{- with .root.Values.podAnnotations }}{{ toYaml . | nindent 2 }}{{ end }}
  {{- with .pod.annotations }}{{ tpl . $.root | nindent 2 }}{{ end }}
{{- end }}
{{- end }}
