import { forget, me, remember } from './api.js';
import { ready, showError } from './layout.js';

const form = document.getElementById('sign-in');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  forget();
  const user = form.user.value.trim();
  remember(user, form.password.value);
  try {
    await me();
    location.assign('/home.html');
  } catch (e) {
    forget();
    showError(document.getElementById('problem'), e.status === 401
      ? 'The user name or password is not right'
      : 'Signing in did not work. Try again');
  }
});
ready();
