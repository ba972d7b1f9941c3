// Placeholder pane: the task pane issue fills it in.
const app = document.getElementById('app');
if (app) app.textContent = 'Awards Modeller';
